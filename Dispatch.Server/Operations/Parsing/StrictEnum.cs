namespace Dispatch.Server.Operations.Parsing;

/// <summary>
/// An enum value from text by its name only (any case, spaces around it trimmed), and the words a refusal uses.
/// Enum.TryParse alone would also take "2" (any number, defined or not) and "Police,Dispute" (flags OR-ed into
/// whatever value they add up to), so a filter or a field would not mean what it says.
/// </summary>
public static class StrictEnum
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }

    /// <summary>An optional filter or field: blank is null, a name is its value, anything else is reported and null.</summary>
    public static T? Optional<T>(string? text, string field, Action<string, string> fail) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        fail(field, NotOneOf<T>(field, text));
        return null;
    }

    /// <summary>The refusal of a query parameter or request field: <c>status 'x' is not one of New, Open.</c></summary>
    public static string NotOneOf(string field, string? text, IEnumerable<string> names) =>
        $"{field} '{Echo.Shorten(text)}' is not one of {string.Join(", ", names)}.";

    public static string NotOneOf<T>(string field, string? text) where T : struct, Enum => NotOneOf(field, text, Enum.GetNames<T>());

    /// <summary>
    /// The refusal of a field of a reference-data record (a unit, an organisation, a category): the import CLIs
    /// print it per line as <c>kind 'x' must be one of …</c>, and scripts reading their reports quote that.
    /// </summary>
    public static string MustBeOneOf(string field, string? text, IEnumerable<string> names) =>
        $"{field} '{Echo.Shorten(text)}' must be one of {string.Join(", ", names)}.";

    public static string MustBeOneOf<T>(string field, string? text) where T : struct, Enum => MustBeOneOf(field, text, Enum.GetNames<T>());
}
