using System.Collections.Frozen;
using Dispatch.Contracts;

namespace Dispatch.Server.Organisations;

/// <summary>
/// One immutable version of the organisations, indexed by code and by (type, served area) so that
/// <see cref="Responsibility.For"/> is a few dictionary reads. Pure and thread-safe once built.
/// </summary>
public sealed class OrganisationSnapshot
{
    private readonly FrozenDictionary<string, OrganisationSummary> byCode;
    private readonly FrozenDictionary<(OrganisationType Type, string AreaCode), OrganisationSummary[]> byServedArea;

    public OrganisationSnapshot(IEnumerable<OrganisationSummary> organisations)
    {
        All = organisations.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        byCode = All.ToFrozenDictionary(o => o.Code, StringComparer.Ordinal);

        // Ordered by code inside each entry: the first is the deterministic winner when several serve one area.
        byServedArea = All
            .SelectMany(o => o.AreaCodes.Distinct(StringComparer.Ordinal).Select(area => (Key: (o.Type, area), Organisation: o)))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Organisation).ToArray());
    }

    public static OrganisationSnapshot Empty { get; } = new([]);

    /// <summary>Every organisation, by code (ordinal).</summary>
    public IReadOnlyList<OrganisationSummary> All { get; }

    public OrganisationSummary? Find(string? code) =>
        code is not null && byCode.TryGetValue(code, out var organisation) ? organisation : null;

    /// <summary>The organisations of a type serving exactly this area code, by code (ordinal).</summary>
    public IReadOnlyList<OrganisationSummary> Serving(OrganisationType type, string areaCode) =>
        byServedArea.TryGetValue((type, areaCode), out var serving) ? serving : [];
}

/// <summary>
/// The organisations this node routes with. Singleton; reloaded from the table after every change, swapped whole
/// so a decision never sees half an edit. Other nodes reload theirs on ReferenceDataChanged.
/// </summary>
public sealed class OrganisationDirectory(OrganisationStore store, ILogger<OrganisationDirectory> logger)
{
    private volatile OrganisationSnapshot current = OrganisationSnapshot.Empty;

    public OrganisationSnapshot Current => current;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(null, cancellationToken);
        current = new OrganisationSnapshot(stored.Select(s => s.Organisation));
        logger.LogInformation("Organisation directory loaded with {OrganisationCount} organisations", stored.Count);
    }
}
