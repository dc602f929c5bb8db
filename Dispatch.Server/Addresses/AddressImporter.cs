using Dispatch.Server.Geo;

namespace Dispatch.Server.Addresses;

/// <summary>What an import did. <paramref name="Written"/> false means nothing was stored.</summary>
/// <param name="Rows">How many rows (or features) the file holds.</param>
/// <param name="Imported">How many entries were stored, new and replaced.</param>
/// <param name="Replaced">How many of those replaced an entry with the same id.</param>
/// <param name="Written">False when invalid rows blocked the import (no <c>skipInvalid</c>).</param>
/// <param name="Problems">Every invalid row, by line; skipped when <paramref name="Written"/> is true.</param>
public sealed record AddressImportReport(int Rows, int Imported, int Replaced, bool Written, IReadOnlyList<AddressRowProblem> Problems);

/// <summary>The live register of this node, swapped whole after every import; matches in flight finish on the old one.</summary>
public sealed class AddressRegister
{
    private volatile AddressIndex current = AddressIndex.Empty;

    public AddressIndex Current => current;

    public void Replace(AddressIndex index) => current = index;
}

/// <summary>Validate → store in one transaction → rebuild this node's register.</summary>
public sealed class AddressImporter(AddressStore store, AddressRegister register, JurisdictionIndex jurisdictions, TimeProvider clock, ILogger<AddressImporter> logger)
{
    /// <summary>Reads a file against the loaded jurisdiction layers: each point gets the grid holding it.</summary>
    public AddressReadResult Read(string text, CoordinateSystem crs) => AddressFileReader.Read(text, crs, GridLookupOf(jurisdictions.Current));

    public static GridLookup GridLookupOf(JurisdictionSnapshot layers) => (lon, lat) =>
    {
        var where = layers.Locate(lon, lat);
        return (where.Grid?.Code, where.Community?.Name);
    };

    public async Task<AddressImportReport> ImportAsync(AddressReadResult read, bool skipInvalid, CancellationToken cancellationToken)
    {
        if (read.Problems.Count > 0 && !skipInvalid)
        {
            logger.LogWarning("Address import refused: {InvalidCount} of {RowCount} rows are invalid", read.Problems.Count, read.Rows);
            return new AddressImportReport(read.Rows, 0, 0, false, read.Problems);
        }

        var replaced = await store.UpsertAsync(read.Entries, clock.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        logger.LogInformation("Imported {ImportedCount} addresses ({ReplacedCount} replaced, {SkippedCount} skipped)",
            read.Entries.Count, replaced, read.Problems.Count);
        return new AddressImportReport(read.Rows, read.Entries.Count, replaced, true, read.Problems);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var entries = await store.AllAsync(cancellationToken);
        register.Replace(AddressIndex.Build(entries));
        logger.LogInformation("Address register loaded with {AddressCount} addresses", entries.Count);
    }
}
