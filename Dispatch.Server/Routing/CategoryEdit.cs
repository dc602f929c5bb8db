using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Routing;

/// <summary>
/// The body of <c>PUT /api/catalogue/categories/{code}</c>: the same shape as one item of the GET list, so an admin
/// can fetch, edit and send back. Kind and organisation are text so that a wrong value gets a readable answer.
/// </summary>
public sealed record CategoryEdit(
    string? Code,
    string? NameZh,
    string? NameEn,
    string? Kind,
    int? Priority,
    string? Organisation,
    ResponsePolicyEdit? Response,
    int? TaskOrderWorkingDays,
    Dictionary<string, double>? Keywords,
    string? OrganisationZh = null,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null);

/// <summary>The response clock as sent; every number is checked by <see cref="CategoryValidator"/>.</summary>
public sealed record ResponsePolicyEdit(int? RespondMinutes, int? ArriveMinutes, int? ReinforceMinutes);

/// <summary>Checks an edit field by field; every problem is named, so one round trip fixes them all.</summary>
public static partial class CategoryValidator
{
    public const int MaxKeywords = 60;
    public const int MaxKeywordLength = 20;
    public const double MaxWeight = 10;
    public const int MaxNameZhLength = 64;
    public const int MaxNameEnLength = 100;

    public static (Category? Category, Dictionary<string, string[]> Errors) Validate(string routeCode, CategoryEdit? edit)
    {
        var errors = new Dictionary<string, string[]>();
        var code = (routeCode ?? "").Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = [$"Code '{routeCode}' must be 1–32 lower-case letters, digits or hyphens, e.g. 'noise'."];
        }

        if (edit is null)
        {
            errors["body"] = ["Send the category as a JSON object."];
            return (null, errors);
        }

        if (edit.Code is { } bodyCode && !string.Equals(bodyCode.Trim(), code, StringComparison.OrdinalIgnoreCase))
        {
            errors["code"] = [$"The body's code '{bodyCode}' differs from the code in the URL '{code}'; codes cannot be renamed."];
        }

        var nameZh = RequireName(edit.NameZh, "nameZh", MaxNameZhLength, errors);
        var nameEn = RequireName(edit.NameEn, "nameEn", MaxNameEnLength, errors);

        if (!StrictEnum.TryParse<IncidentKind>(edit.Kind, out var kind) || kind == IncidentKind.Unknown)
        {
            errors["kind"] = [StrictEnum.MustBeOneOf("kind", edit.Kind, ["Police", "NonPolice", "Dispute"])];
        }

        if (edit.Priority is not (>= 1 and <= 4))
        {
            errors["priority"] = [$"priority must be from 1 (most urgent) to 4; it was {Show(edit.Priority)}."];
        }

        if (!StrictEnum.TryParse<OrganisationType>(edit.Organisation, out var organisation))
        {
            errors["organisation"] = [StrictEnum.MustBeOneOf<OrganisationType>("organisation", edit.Organisation)];
        }

        var response = ValidateResponse(edit.Response, errors);

        if (edit.TaskOrderWorkingDays is not (>= 1 and <= 30))
        {
            errors["taskOrderWorkingDays"] = [$"taskOrderWorkingDays must be from 1 to 30; it was {Show(edit.TaskOrderWorkingDays)}."];
        }

        var keywords = ValidateKeywords(edit.Keywords, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Category(code, nameZh!, nameEn!, kind, edit.Priority!.Value, organisation, response!,
            edit.TaskOrderWorkingDays!.Value, keywords!), errors);
    }

    private static ResponsePolicy? ValidateResponse(ResponsePolicyEdit? edit, Dictionary<string, string[]> errors)
    {
        if (edit is null)
        {
            errors["response"] = ["response is required: {\"respondMinutes\": 1, \"arriveMinutes\": 3, \"reinforceMinutes\": 5}."];
            return null;
        }

        var before = errors.Count;
        if (edit.RespondMinutes is not > 0)
        {
            errors["response.respondMinutes"] = [$"response.respondMinutes must be more than 0; it was {Show(edit.RespondMinutes)}."];
        }

        if (edit.ArriveMinutes is not > 0)
        {
            errors["response.arriveMinutes"] = [$"response.arriveMinutes must be more than 0; it was {Show(edit.ArriveMinutes)}."];
        }
        else if (edit.RespondMinutes is > 0 && edit.ArriveMinutes < edit.RespondMinutes)
        {
            errors["response.arriveMinutes"] = ["response.arriveMinutes cannot be earlier than respondMinutes."];
        }

        if (edit.ReinforceMinutes is { } reinforce)
        {
            if (reinforce <= 0)
            {
                errors["response.reinforceMinutes"] = [$"response.reinforceMinutes must be more than 0, or null when no reinforcement is expected; it was {reinforce}."];
            }
            else if (edit.ArriveMinutes is > 0 && reinforce < edit.ArriveMinutes)
            {
                errors["response.reinforceMinutes"] = ["response.reinforceMinutes cannot be earlier than arriveMinutes."];
            }
        }

        return errors.Count == before ? new ResponsePolicy(edit.RespondMinutes!.Value, edit.ArriveMinutes!.Value, edit.ReinforceMinutes) : null;
    }

    private static Dictionary<string, double>? ValidateKeywords(Dictionary<string, double>? keywords, Dictionary<string, string[]> errors)
    {
        if (keywords is null || keywords.Count == 0)
        {
            errors["keywords"] = ["keywords must hold at least one Chinese phrase and its weight, e.g. {\"噪音\": 3}."];
            return null;
        }

        var problems = new List<string>();
        if (keywords.Count > MaxKeywords)
        {
            problems.Add($"At most {MaxKeywords} keywords; there are {keywords.Count}.");
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleaned = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (text, weight) in keywords)
        {
            var normalised = Classifier.Normalise(text);
            if (normalised.Length == 0)
            {
                problems.Add("A keyword is empty.");
                continue;
            }

            if (normalised.Length > MaxKeywordLength)
            {
                problems.Add($"Keyword '{text}' is longer than {MaxKeywordLength} characters.");
            }

            if (!double.IsFinite(weight) || weight <= 0 || weight > MaxWeight)
            {
                problems.Add($"Keyword '{text}' has weight {weight}; weights must be more than 0 and at most {MaxWeight}.");
            }

            if (seen.TryGetValue(normalised, out var first))
            {
                problems.Add($"Keywords '{first}' and '{text}' are the same once spaces and case are ignored.");
                continue;
            }

            seen[normalised] = text;
            cleaned[text.Trim()] = weight;
        }

        if (problems.Count > 0)
        {
            errors["keywords"] = [.. problems];
            return null;
        }

        return cleaned;
    }

    private static string? RequireName(string? name, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = [$"{field} is required."];
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"{field} is longer than {maxLength} characters."];
            return null;
        }

        return trimmed;
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
