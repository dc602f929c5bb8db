using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Contracts;

namespace Dispatch.Server.Routing;

/// <summary>One row of the category table (<c>infra/catalogue/categories.json</c>).</summary>
public sealed record Category(string Code, string NameZh, string NameEn, IncidentKind Kind, int Priority);

/// <summary>The category table, read once from the data file shipped inside the server.</summary>
public sealed class CategoryCatalogue
{
    private readonly Dictionary<string, Category> byCode;

    public CategoryCatalogue(IEnumerable<Category> categories)
    {
        byCode = categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<Category> All => byCode.Values;

    public Category? Find(string? code) =>
        code is not null && byCode.TryGetValue(code.Trim(), out var category) ? category : null;

    public static CategoryCatalogue LoadEmbedded()
    {
        using var stream = typeof(CategoryCatalogue).Assembly
            .GetManifestResourceStream("Dispatch.Server.Routing.categories.json")
            ?? throw new InvalidOperationException("The category table is not embedded in the server.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The category table is empty.");
        return new CategoryCatalogue(file.Categories);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CatalogueFile(IReadOnlyList<Category> Categories);
}
