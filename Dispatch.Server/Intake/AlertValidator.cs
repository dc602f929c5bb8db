using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Server.Intake;

/// <summary>The outcome of validating a submitted alert: either a bus message or the list of bad fields.</summary>
public sealed record AlertValidation(AlertReceived? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Message is not null;
}

/// <summary>
/// Checks a submitted alert field by field and turns it into <see cref="AlertReceived"/> (location in WGS-84).
/// Pure: the current time is passed in. Shared by the HTTP and AMQP intake so both accept the same alerts.
/// </summary>
public static class AlertValidator
{
    public const int MaxAlertIdLength = 64;
    public const int MaxDescriptionLength = 2000;
    public const int MaxAddressLength = 500;
    public const int MaxCategoryCodeLength = 32;
    public const int MaxCallerPhoneLength = 32;

    /// <summary>The 110 platform may forward an alert late, but not from a previous month.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>Clocks drift; more than this ahead of our clock is a wrong time, not drift.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static AlertValidation Validate(AlertSubmission? alert, DateTimeOffset now, string source)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (alert is null)
        {
            Fail("body", "请求体为空 / The request body is empty: send the alert as a JSON object.");
            return new AlertValidation(null, errors);
        }

        var alertId = alert.AlertId?.Trim();
        if (string.IsNullOrEmpty(alertId))
        {
            Fail("alertId", "alertId (警情编号) is required.");
        }
        else if (alertId.Length > MaxAlertIdLength)
        {
            Fail("alertId", $"alertId must be at most {MaxAlertIdLength} characters; it has {alertId.Length}.");
        }
        else if (alertId.Any(char.IsControl))
        {
            Fail("alertId", "alertId must not contain control characters.");
        }

        DateTimeOffset receivedAt = default;
        if (string.IsNullOrWhiteSpace(alert.ReceivedAt))
        {
            Fail("receivedAt", "receivedAt is required: ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }
        else if (!TryParseInstant(alert.ReceivedAt, out receivedAt))
        {
            Fail("receivedAt", $"receivedAt '{Shorten(alert.ReceivedAt)}' is not ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }
        else if (receivedAt > now + MaxClockSkew)
        {
            Fail("receivedAt", $"receivedAt {receivedAt:O} is in the future (server time {now:O}); check the sender's clock.");
        }
        else if (receivedAt < now - MaxAge)
        {
            Fail("receivedAt", $"receivedAt {receivedAt:O} is more than {MaxAge.TotalDays:0} days old.");
        }

        var description = alert.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            Fail("description", "description (报警内容) is required.");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            Fail("description", $"description must be at most {MaxDescriptionLength} characters; it has {description.Length}.");
        }

        CheckOptionalText(alert.CategoryCode, "categoryCode", MaxCategoryCodeLength, Fail);
        CheckOptionalText(alert.Address, "address", MaxAddressLength, Fail);
        CheckOptionalText(alert.CallerPhone, "callerPhone", MaxCallerPhoneLength, Fail);
        if (alert.CallerPhone is { Length: > 0 } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' '))
        {
            Fail("callerPhone", "callerPhone may hold only digits, spaces, '+' and '-'.");
        }

        var location = ValidateLocation(alert.Location, Fail);

        if (errors.Count > 0)
        {
            return new AlertValidation(null, errors);
        }

        var message = new AlertReceived(
            IncidentReference.ForAlert(alertId!),
            alertId!,
            receivedAt,
            NullIfBlank(alert.CategoryCode),
            description!,
            NullIfBlank(alert.Address),
            location,
            NullIfBlank(alert.CallerPhone),
            source);
        return new AlertValidation(message, errors);
    }

    private static GeoPoint? ValidateLocation(SubmittedLocation? location, Action<string, string> fail)
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

        CoordinateSystem crs = CoordinateSystem.Wgs84;
        switch (location.Crs?.Trim().ToLowerInvariant())
        {
            case null or "" or "wgs84":
                break;
            case "gcj02":
                crs = CoordinateSystem.Gcj02;
                break;
            default:
                fail("location.crs", $"location.crs '{Shorten(location.Crs!)}' is not one of wgs84, gcj02.");
                ok = false;
                break;
        }

        if (!ok)
        {
            return null;
        }

        var (wLon, wLat) = ChinaCoordinates.Convert(location.Lon!.Value, location.Lat!.Value, crs, CoordinateSystem.Wgs84);
        return new GeoPoint(wLon, wLat);
    }

    private static void CheckOptionalText(string? value, string field, int maxLength, Action<string, string> fail)
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

    /// <summary>Requires an explicit offset: a bare local time would be read in the server's zone, silently.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && trimmed.Contains('T', StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
