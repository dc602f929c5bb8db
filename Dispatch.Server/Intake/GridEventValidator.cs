using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Intake;

/// <summary>The outcome of validating a submitted grid event: either a bus message or the list of bad fields.</summary>
public sealed record GridEventValidation(GridEventReported? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Message is not null;
}

/// <summary>
/// Checks a submitted grid event field by field and turns it into <see cref="GridEventReported"/> (location in
/// WGS-84). Pure: the current time is passed in. Ids, times, text and positions follow <see cref="IntakeRules"/>,
/// as alerts do.
/// </summary>
public static class GridEventValidator
{
    public const int MaxEventIdLength = 64;
    public const int MaxReporterLength = 64;
    public const int MaxCategoryCodeLength = 32;
    public const int MaxDescriptionLength = 2000;
    public const int MaxGridCodeLength = 32;
    public const int MaxAddressLength = 500;

    /// <summary>What the grid apps allow on one report (a 3×3 picker).</summary>
    public const int MaxPhotos = 9;

    public const int MaxPhotoUrlLength = 500;

    // Resident mini-programs run on Baidu maps too, so BD-09 comes in here though the 110 platform never sends it.
    private static readonly CoordinateSystem[] AcceptedCrs = [CoordinateSystem.Wgs84, CoordinateSystem.Gcj02, CoordinateSystem.Bd09];

    public static GridEventValidation Validate(GridEventSubmission? submission, DateTimeOffset now, string source)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (submission is null)
        {
            Fail("body", "请求体为空 / The request body is empty: send the grid event as a JSON object.");
            return new GridEventValidation(null, errors);
        }

        var eventId = IntakeRules.RequiredId(submission.EventId, "eventId", "事件编号", MaxEventIdLength, Fail);
        var reportedAt = IntakeRules.RequiredInstant(submission.ReportedAt, "reportedAt", now, Fail);
        var reporter = IntakeRules.RequiredId(submission.Reporter, "reporter", "上报人", MaxReporterLength, Fail);
        var reporterKind = ParseReporterKind(submission.ReporterKind, Fail);
        IntakeRules.CheckOptionalText(submission.CategoryCode, "categoryCode", MaxCategoryCodeLength, Fail);
        var description = IntakeRules.RequiredText(submission.Description, "description", "事件描述", MaxDescriptionLength, Fail);
        var location = IntakeRules.Location(submission.Location, AcceptedCrs, Fail);
        IntakeRules.CheckOptionalText(submission.GridCode, "gridCode", MaxGridCodeLength, Fail);
        var gridCode = IntakeRules.NullIfBlank(submission.GridCode);
        IntakeRules.CheckOptionalText(submission.Address, "address", MaxAddressLength, Fail);
        var address = IntakeRules.NullIfBlank(submission.Address);
        if (submission.Location is null && gridCode is null && address is null && !errors.ContainsKey("gridCode") && !errors.ContainsKey("address"))
        {
            Fail("location", "location, gridCode (网格编码) or address (地址) is required: say where the event is.");
        }

        var photoUrls = ValidatePhotoUrls(submission.PhotoUrls, Fail);
        var tier = ParseTier(submission.Tier, Fail);

        if (errors.Count > 0)
        {
            return new GridEventValidation(null, errors);
        }

        var message = new GridEventReported(
            IncidentReference.ForGridEvent(eventId!),
            eventId!,
            reportedAt,
            reporter!,
            reporterKind,
            IntakeRules.NullIfBlank(submission.CategoryCode),
            description!,
            location,
            gridCode,
            photoUrls,
            tier!.Value,
            source,
            address);
        return new GridEventValidation(message, errors);
    }

    private static ReporterKind ParseReporterKind(string? text, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReporterKind.GridMember;
        }

        if (StrictEnum.TryParse<ReporterKind>(text, out var kind))
        {
            return kind;
        }

        fail("reporterKind", StrictEnum.NotOneOf("reporterKind", text, ["gridMember", "resident", "sensor"]));
        return ReporterKind.GridMember;
    }

    private static GridEventTier? ParseTier(string? text, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail("tier", "tier is required: minor (小事), major (大事) or complex (难事).");
            return null;
        }

        if (StrictEnum.TryParse<GridEventTier>(text, out var tier))
        {
            return tier;
        }

        fail("tier", StrictEnum.NotOneOf("tier", text, ["minor (小事)", "major (大事)", "complex (难事)"]));
        return null;
    }

    private static List<string> ValidatePhotoUrls(IReadOnlyList<string?>? urls, Action<string, string> fail)
    {
        if (urls is null)
        {
            return [];
        }

        if (urls.Count > MaxPhotos)
        {
            fail("photoUrls", $"photoUrls may hold at most {MaxPhotos} photos; it has {urls.Count}.");
            return [];
        }

        var result = new List<string>(urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            var field = $"photoUrls[{i}]";
            var url = urls[i]?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                fail(field, $"{field} is empty: leave it out or give the photo's URL.");
            }
            else if (url.Length > MaxPhotoUrlLength)
            {
                fail(field, $"{field} must be at most {MaxPhotoUrlLength} characters; it has {url.Length}.");
            }
            else if (url.Any(char.IsControl) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                fail(field, $"{field} '{Echo.Shorten(url)}' is not an absolute http:// or https:// URL.");
            }
            else
            {
                result.Add(url);
            }
        }

        return result;
    }
}
