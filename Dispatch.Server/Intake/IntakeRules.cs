using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Intake;

/// <summary>
/// The field rules every intake shares (alerts, grid events), so that an id, a time or a position is accepted
/// or refused the same way, with the same words, whichever route it came by. Each check reports through
/// <c>fail(field, message)</c> and returns the cleaned value.
/// </summary>
public static class IntakeRules
{
    /// <summary>A report may come late, but not from a previous month.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>
    /// A required identifier: trimmed, at most <paramref name="maxLength"/>, no control characters.
    /// <paramref name="chineseName"/> is what users call the field, put into the message next to its name.
    /// </summary>
    public static string? RequiredId(string? value, string field, string chineseName, int maxLength, Action<string, string> fail)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            fail(field, $"{field} ({chineseName}) is required.");
        }
        else if (id.Length > maxLength)
        {
            fail(field, $"{field} must be at most {maxLength} characters; it has {id.Length}.");
        }
        else if (id.Any(char.IsControl))
        {
            fail(field, $"{field} must not contain control characters.");
        }
        else
        {
            return id;
        }

        return null;
    }

    /// <summary>A required instant, ISO-8601 with an offset, neither ahead of our clock (<see cref="PositionRules.MaxClockSkew"/>) nor older than <see cref="MaxAge"/>.</summary>
    public static DateTimeOffset RequiredInstant(string? text, string field, DateTimeOffset now, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, $"{field} is required: ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }
        else if (!OffsetTime.TryParse(text, out var instant))
        {
            fail(field, OffsetTime.Refusal(field, text));
        }
        else if (PositionRules.IsAhead(instant, now))
        {
            fail(field, $"{field} {instant:O} is in the future (server time {now:O}); check the sender's clock.");
        }
        else if (instant < now - MaxAge)
        {
            fail(field, $"{field} {instant:O} is more than {MaxAge.TotalDays:0} days old.");
        }
        else
        {
            return instant;
        }

        return default;
    }

    /// <summary>Required free text (line breaks allowed), trimmed, at most <paramref name="maxLength"/>.</summary>
    public static string? RequiredText(string? value, string field, string chineseName, int maxLength, Action<string, string> fail)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            fail(field, $"{field} ({chineseName}) is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            fail(field, $"{field} must be at most {maxLength} characters; it has {text.Length}.");
            return null;
        }

        return text;
    }

    public static void CheckOptionalText(string? value, string field, int maxLength, Action<string, string> fail)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            fail(field, $"{field} must be at most {maxLength} characters; it has {value.Length}.");
        }
        else if (HasControlCharacters(value))
        {
            fail(field, $"{field} must not contain control characters.");
        }
    }

    /// <summary>
    /// An optional position in one of the <paramref name="accepted"/> datums (the first is the default),
    /// converted to WGS-84. Null when absent or bad.
    /// </summary>
    public static GeoPoint? Location(SubmittedLocation? location, IReadOnlyList<CoordinateSystem> accepted, Action<string, string> fail) =>
        location is null ? null : PositionRules.Point(location.Lon, location.Lat, location.Crs, accepted, fail, "location.");

    /// <summary>The demo's grid-event generator names datums through intake; the rule is <see cref="PositionRules.CrsName"/>.</summary>
    public static string CrsName(CoordinateSystem crs) => PositionRules.CrsName(crs);

    public static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
