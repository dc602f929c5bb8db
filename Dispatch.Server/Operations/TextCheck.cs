using System.Text.Json;

namespace Dispatch.Server.Operations;

/// <summary>
/// Pure: finds the first string in a JSON body that must not be stored. Control characters (NUL, ESC, C1; tab and
/// line breaks are text) corrupt logs, CSV exports and terminals; bidi overrides and isolates make a screen show
/// another text than the one stored; a lone surrogate cannot be written as UTF-8 at all.
/// </summary>
public static class TextCheck
{
    /// <summary>The path of the first offending string (property names included) and why, or null when all are clean.</summary>
    public static (string Field, string Problem)? FirstForbidden(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (Why(property.Name) is { } nameProblem)
                    {
                        return (at, nameProblem);
                    }

                    if (FirstForbidden(property.Value, at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstForbidden(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return (path, "contains a lone surrogate (an invalid \\uD800–\\uDFFF escape).");
                }

                return Why(text) is { } problem ? (path, problem) : null;
            default:
                return null;
        }
    }

    public static string? Why(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return $"contains the control character U+{(int)c:X4} at position {i}.";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return $"contains the bidirectional override U+{(int)c:X4} at position {i}.";
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i])) || char.IsLowSurrogate(c))
            {
                return $"contains a lone surrogate at position {i}.";
            }
        }

        return null;
    }
}
