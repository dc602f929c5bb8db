using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Geo;

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

    /// <summary>Clocks drift; more than this ahead of our clock is a wrong time, not drift.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

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

    /// <summary>A required instant, ISO-8601 with an offset, neither in the future nor older than <see cref="MaxAge"/>.</summary>
    public static DateTimeOffset RequiredInstant(string? text, string field, DateTimeOffset now, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, $"{field} is required: ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }
        else if (!TryParseInstant(text, out var instant))
        {
            fail(field, $"{field} '{Shorten(text)}' is not ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }
        else if (instant > now + MaxClockSkew)
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
    public static GeoPoint? Location(SubmittedLocation? location, IReadOnlyList<CoordinateSystem> accepted, Action<string, string> fail)
    {
        if (location is null)
        {
            return null;
        }

        var ok = true;
        if (location.Lon is not { } lon || !double.IsFinite(lon) || lon < -180 || lon > 180)
        {
            fail("location.lon", "location.lon must be a number from -180 to 180 (degrees east).");
            ok = false;
        }

        if (location.Lat is not { } lat || !double.IsFinite(lat) || lat < -90 || lat > 90)
        {
            fail("location.lat", "location.lat must be a number from -90 to 90 (degrees north).");
            ok = false;
        }

        var crsText = location.Crs?.Trim();
        CoordinateSystem? crs = string.IsNullOrEmpty(crsText)
            ? accepted[0]
            : accepted.Cast<CoordinateSystem?>().FirstOrDefault(c => string.Equals(CrsName(c!.Value), crsText, StringComparison.OrdinalIgnoreCase));
        if (crs is null)
        {
            fail("location.crs", $"location.crs '{Shorten(crsText!)}' is not one of {string.Join(", ", accepted.Select(CrsName))}.");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var (wLon, wLat) = ChinaCoordinates.Convert(location.Lon!.Value, location.Lat!.Value, crs!.Value, CoordinateSystem.Wgs84);
        return new GeoPoint(wLon, wLat);
    }

    /// <summary>The name a sender writes in <c>location.crs</c>.</summary>
    public static string CrsName(CoordinateSystem crs) => crs.ToString().ToLowerInvariant();

    /// <summary>Requires an explicit offset: a bare local time would be read in the server's zone, silently.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && trimmed.Contains('T', StringComparison.OrdinalIgnoreCase);
    }

    public static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
