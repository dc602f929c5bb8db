using System.Text.RegularExpressions;

namespace Dispatch.Server.Incidents;

/// <summary>
/// What a search text asks of callers' numbers. It is matched only against what every screen shows of a number
/// (<see cref="PhoneMask"/>: 138****5678, the first three and the last four), never against the hidden middle: a
/// search that matched those digits would give anyone who may read the list the whole number, a digit at a time,
/// which only the audited caller-phones read may give. Numbers shorter than seven characters show two digits at
/// most, so they are not searched at all.
/// </summary>
/// <param name="Start">The first three characters the number must start with, or null.</param>
/// <param name="End">The last four characters the number must end with, or null.</param>
/// <param name="Part">Three or four digits found in the first three or the last four (尾号 5678), or null.</param>
public sealed partial record CallerNumberSearch(string? Start, string? End, string? Part)
{
    /// <summary>The search a text makes of numbers, or null when it does not look like (part of) one.</summary>
    public static CallerNumberSearch? Of(string text)
    {
        // People type numbers grouped: 138 1234 5678, 0571-8888-1234.
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (WholeNumber().IsMatch(compact))
        {
            // The whole number: the calls whose numbers show as it does (the same first three and last four).
            return new CallerNumberSearch(compact[..3], compact[^4..], null);
        }

        if (Masked().Match(compact) is { Success: true } masked)
        {
            // Copied from a screen: 138****5678, or ****5678.
            return new CallerNumberSearch(masked.Groups[1].Success ? masked.Groups[1].Value : null, masked.Groups[2].Value, null);
        }

        return Digits().IsMatch(compact) ? new CallerNumberSearch(null, null, compact) : null;
    }

    [GeneratedRegex(@"^\d{7,32}$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^(\d{3})?\*{4}(\d{4})$")]
    private static partial Regex Masked();

    [GeneratedRegex(@"^\d{3,4}$")]
    private static partial Regex Digits();
}
