using Dispatch.Contracts;
using Dispatch.Server.Organisations;

namespace Dispatch.Server.Demo;

/// <summary>
/// The invented organisations of 云峰街道 (<c>infra/geo/organisations.json</c>): the two police stations, the street
/// command room, a street-level department of every other type, and one residents' committee per community.
/// </summary>
public static class DemoOrganisations
{
    public const string ResourceName = "Dispatch.Server.Demo.organisations.json";

    public static IReadOnlyList<OrganisationSummary> Load()
    {
        return DemoFiles.ReadJson<OrganisationsFile>(ResourceName).Organisations;
    }

    /// <summary>Adds the demo organisations not stored yet; edited ones stay as edited. Returns how many were added.</summary>
    public static Task<int> SeedAsync(OrganisationStore store, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.AddMissingAsync(Load(), at, cancellationToken);

    private sealed record OrganisationsFile(IReadOnlyList<OrganisationSummary> Organisations);
}
