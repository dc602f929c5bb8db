using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Contracts;
using Dispatch.Server.Clock;

namespace Dispatch.Server.Routing;

/// <summary>One row of the category catalogue (<c>infra/catalogue/categories.json</c>, then the <c>categories</c> table).</summary>
/// <param name="Code">Stable code, lower case with hyphens; alerts carry it.</param>
/// <param name="NameZh">Chinese name, what operators read.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Kind">Police, non-police or dispute, per 国办发〔2022〕12号.</param>
/// <param name="Priority">1 (most urgent) to 4.</param>
/// <param name="Organisation">The type of body responsible for the work.</param>
/// <param name="Response">The response clock.</param>
/// <param name="TaskOrderWorkingDays">Working days a task order has to be completed (办结).</param>
/// <param name="Keywords">Chinese phrases and their weights, for classifying free text.</param>
public sealed record Category(
    string Code,
    string NameZh,
    string NameEn,
    IncidentKind Kind,
    int Priority,
    OrganisationType Organisation,
    ResponsePolicy Response,
    int TaskOrderWorkingDays,
    IReadOnlyDictionary<string, double> Keywords);

/// <summary>
/// One immutable version of the catalogue: what a classification reads from start to end, so that an admin's
/// edit never lands halfway through one.
/// </summary>
public sealed class CatalogueSnapshot
{
    private readonly FrozenDictionary<string, Category> byCode;

    public CatalogueSnapshot(IEnumerable<Category> categories)
    {
        All = categories.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        byCode = All.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        Keywords = All
            .SelectMany(c => c.Keywords.Select(k => new CatalogueKeyword(Classifier.Normalise(k.Key), k.Value, c)))
            .Where(k => k.Text.Length > 0)
            .ToList();
    }

    public IReadOnlyList<Category> All { get; }

    /// <summary>Every keyword of every category, normalised the way descriptions are.</summary>
    internal IReadOnlyList<CatalogueKeyword> Keywords { get; }

    public Category? Find(string? code) =>
        code is not null && byCode.TryGetValue(code.Trim(), out var category) ? category : null;

    /// <summary>The catalogue file shipped inside the server: the seed of an empty database, and the CLI's offline catalogue.</summary>
    public static CatalogueSnapshot LoadEmbedded()
    {
        using var stream = typeof(CatalogueSnapshot).Assembly
            .GetManifestResourceStream("Dispatch.Server.Routing.categories.json")
            ?? throw new InvalidOperationException("The category table is not embedded in the server.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, FileJson)
            ?? throw new InvalidOperationException("The category table is empty.");
        return new CatalogueSnapshot(file.Categories);
    }

    /// <summary>Enums by name, as in the file and on the wire.</summary>
    public static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CatalogueFile(IReadOnlyList<Category> Categories);
}

/// <summary>A keyword with the category it points to.</summary>
internal sealed record CatalogueKeyword(string Text, double Weight, Category Category);

/// <summary>
/// The catalogue the running server uses: one singleton, replaced whole after an edit.
/// Other nodes reload theirs on ReferenceDataChanged (Messaging/ReloadReferenceDataConsumer).
/// A later change will broadcast a "catalogue changed" message on the bus so every node reloads.
/// </summary>
public sealed class CategoryCatalogue(CatalogueSnapshot initial) : IResponsePolicies
{
    private volatile CatalogueSnapshot current = initial;

    public CatalogueSnapshot Current => current;

    public IReadOnlyCollection<Category> All => current.All;

    public Category? Find(string? code) => current.Find(code);

    public ResponsePolicy? ResponseOf(string? categoryCode) => Find(categoryCode)?.Response;

    public void Replace(CatalogueSnapshot snapshot) => current = snapshot ?? throw new ArgumentNullException(nameof(snapshot));

    /// <summary>Reads the stored catalogue and swaps it in whole; returns how many categories it holds.</summary>
    public async Task<int> ReloadAsync(CatalogueStore store, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        Replace(new CatalogueSnapshot(stored.Select(s => s.Category)));
        return stored.Count;
    }

    public static CategoryCatalogue LoadEmbedded() => new(CatalogueSnapshot.LoadEmbedded());
}
