using System.Globalization;

namespace Dispatch.Server.Operations.Parsing;

/// <summary>
/// The period of a report (assessment, breaches, corrections): two bounds, each a date (<c>2025-10-01</c>,
/// Asia/Shanghai) or an instant with its offset. A date as <c>to</c> includes that whole day; an instant as <c>to</c>
/// is exclusive.
/// </summary>
public static class ReportPeriod
{
    /// <summary>Asia/Shanghai has had no daylight saving since 1991: dates and working days are counted at +08:00.</summary>
    public static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    /// <summary>No period longer than this: the reports hold the period's history in memory.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static (DateTimeOffset From, DateTimeOffset To)? Parse(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = Bound(from, "from", endOfDay: false, errors);
        var end = Bound(to, "to", endOfDay: true, errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end <= start || end - start > MaxPeriod)
        {
            errors["to"] = [$"to must be after from, and the period at most {MaxPeriod.TotalDays:0} days."];
            return null;
        }

        return (start.Value, end.Value);
    }

    /// <summary>One bound of a period: a date (Asia/Shanghai; with <paramref name="endOfDay"/> the day after it) or an instant with its offset.</summary>
    public static DateTimeOffset? Bound(string? text, string field, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is > 1900 and < 9000)
        {
            return new DateTimeOffset((endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue), ShanghaiOffset);
        }

        if (OffsetTime.TryParse(text, out var instant) && instant.Year is > 1900 and < 9000)
        {
            return instant;
        }

        errors[field] = [$"{field} is required: a date (2025-10-01, Asia/Shanghai) or a time with its offset (2025-10-01T00:00:00+08:00)."];
        return null;
    }
}
