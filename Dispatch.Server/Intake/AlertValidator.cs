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
    public static readonly TimeSpan MaxAge = IntakeRules.MaxAge;

    private static readonly CoordinateSystem[] AcceptedCrs = [CoordinateSystem.Wgs84, CoordinateSystem.Gcj02];

    public static AlertValidation Validate(AlertSubmission? alert, DateTimeOffset now, string source)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (alert is null)
        {
            Fail("body", "请求体为空 / The request body is empty: send the alert as a JSON object.");
            return new AlertValidation(null, errors);
        }

        var alertId = IntakeRules.RequiredId(alert.AlertId, "alertId", "警情编号", MaxAlertIdLength, Fail);
        var receivedAt = IntakeRules.RequiredInstant(alert.ReceivedAt, "receivedAt", now, Fail);
        var description = IntakeRules.RequiredText(alert.Description, "description", "报警内容", MaxDescriptionLength, Fail);

        IntakeRules.CheckOptionalText(alert.CategoryCode, "categoryCode", MaxCategoryCodeLength, Fail);
        IntakeRules.CheckOptionalText(alert.Address, "address", MaxAddressLength, Fail);
        IntakeRules.CheckOptionalText(alert.CallerPhone, "callerPhone", MaxCallerPhoneLength, Fail);
        if (alert.CallerPhone is { Length: > 0 } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' '))
        {
            Fail("callerPhone", "callerPhone may hold only digits, spaces, '+' and '-'.");
        }

        var location = IntakeRules.Location(alert.Location, AcceptedCrs, Fail);

        if (errors.Count > 0)
        {
            return new AlertValidation(null, errors);
        }

        var message = new AlertReceived(
            IncidentReference.ForAlert(alertId!),
            alertId!,
            receivedAt,
            IntakeRules.NullIfBlank(alert.CategoryCode),
            description!,
            IntakeRules.NullIfBlank(alert.Address),
            location,
            IntakeRules.NullIfBlank(alert.CallerPhone),
            source);
        return new AlertValidation(message, errors);
    }
}
