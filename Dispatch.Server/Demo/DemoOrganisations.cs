using System.Text.Json;
using System.Text.Json.Serialization;
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
        using var stream = typeof(DemoOrganisations).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The demo organisations are not embedded in the server.");
        var file = JsonSerializer.Deserialize<OrganisationsFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The demo organisations file is empty.");
        return file.Organisations;
    }

    /// <summary>Adds the demo organisations not stored yet; edited ones stay as edited. Returns how many were added.</summary>
    public static Task<int> SeedAsync(OrganisationStore store, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.AddMissingAsync(Load(), at, cancellationToken);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record OrganisationsFile(IReadOnlyList<OrganisationSummary> Organisations);
}
