using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Server.Operations.Parsing;

/// <summary>
/// An ISO-8601 date and time that says its offset: <c>2025-09-30T10:00:00+08:00</c>, <c>…+0800</c> or <c>…Z</c>.
/// A bare local time is refused rather than read in the server's zone, silently: the day it falls on decides
/// deadlines and periods, and the time an alert came in starts its clocks.
/// </summary>
public static partial class OffsetTime
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && WithOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>The refusal of a time that is not one, or says no offset.</summary>
    public static string Refusal(string field, string? text) =>
        $"{field} '{Echo.Shorten(text)}' is not ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.";

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
