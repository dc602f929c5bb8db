using Dispatch.Contracts;

namespace Dispatch.Server.Geo;

/// <summary>What an import did. <paramref name="Written"/> false means nothing was stored.</summary>
/// <param name="Level">The layer imported into.</param>
/// <param name="Features">How many features the file holds.</param>
/// <param name="Imported">How many areas were stored (new and replaced).</param>
/// <param name="Replaced">How many of those replaced an area with the same code.</param>
/// <param name="Written">False when invalid features blocked the import (no <c>skipInvalid</c>).</param>
/// <param name="Problems">Every invalid feature, by index; skipped when <paramref name="Written"/> is true.</param>
public sealed record AreaImportReport(
    AreaLevel Level, int Features, int Imported, int Replaced, bool Written, IReadOnlyList<FeatureProblem> Problems);

/// <summary>Validate → store in one transaction → reload this node's index.</summary>
public sealed class AreaImporter(AreaStore store, JurisdictionIndex index, TimeProvider clock, ILogger<AreaImporter> logger)
{
    public async Task<AreaImportReport> ImportAsync(AreaReadResult read, AreaImportOptions options, bool skipInvalid, CancellationToken cancellationToken)
    {
        var features = read.Areas.Count + read.Problems.Count;
        if (read.Problems.Count > 0 && !skipInvalid)
        {
            logger.LogWarning("Import into {AreaLevel} refused: {InvalidCount} of {FeatureCount} features are invalid",
                options.Level, read.Problems.Count, features);
            return new AreaImportReport(options.Level, features, 0, 0, false, read.Problems);
        }

        var replaced = await store.UpsertAsync(read.Areas.Select(a => a.Area).ToList(), clock.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        logger.LogInformation("Imported {ImportedCount} areas into {AreaLevel} ({ReplacedCount} replaced, {SkippedCount} skipped)",
            read.Areas.Count, options.Level, replaced, read.Problems.Count);
        return new AreaImportReport(options.Level, features, read.Areas.Count, replaced, true, read.Problems);
    }

    /// <summary>Rebuilds the index from the table and swaps it in; lookups in flight finish on the old one.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var areas = await store.AllAsync(cancellationToken);
        index.Replace(JurisdictionSnapshot.Build(areas.Select(a => new PreparedArea(a.Level, a.Code, a.Name, a.Geometry))));
        logger.LogInformation("Jurisdiction index loaded with {AreaCount} areas", areas.Count);
    }
}
