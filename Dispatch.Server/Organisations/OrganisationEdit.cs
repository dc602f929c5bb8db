using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Organisations;

/// <summary>
/// The body of <c>PUT /api/organisations/{code}</c>: the same shape as one item of the GET list, so an admin can
/// fetch, edit and send back (the read-only fields are ignored). The type is text so a wrong one gets a readable answer.
/// </summary>
public sealed record OrganisationEdit(
    string? Code,
    string? Name,
    string? Type,
    List<string?>? AreaCodes,
    string? TypeZh = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>Checks an edit field by field; every problem is named, so one round trip fixes them all.</summary>
public static partial class OrganisationValidator
{
    public const int MaxNameLength = 100;
    public const int MaxAreaCodes = 500;

    public static (OrganisationSummary? Organisation, Dictionary<string, string[]> Errors) Validate(string routeCode, OrganisationEdit? edit)
    {
        var errors = new Dictionary<string, string[]>();
        var code = (routeCode ?? "").Trim();
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = [$"Code '{routeCode}' must be 1–32 letters, digits, hyphens or underscores, e.g. 'PS-YUNFENG'."];
        }

        if (edit is null)
        {
            errors["body"] = ["Send the organisation as a JSON object: {\"name\":…,\"type\":…,\"areaCodes\":[…]}."];
            return (null, errors);
        }

        if (edit.Code is { } bodyCode && !string.Equals(bodyCode.Trim(), code, StringComparison.Ordinal))
        {
            errors["code"] = [$"The body's code '{bodyCode}' differs from the code in the URL '{code}'; codes cannot be renamed."];
        }

        var name = edit.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["name is required (the Chinese name operators read, e.g. 云峰派出所)."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is longer than {MaxNameLength} characters."];
        }

        if (!StrictEnum.TryParse<OrganisationType>(edit.Type, out var type))
        {
            errors["type"] = [StrictEnum.MustBeOneOf<OrganisationType>("type", edit.Type)];
        }

        var areas = ValidateAreaCodes(edit.AreaCodes, type, errors);
        return errors.Count > 0 ? (null, errors) : (new OrganisationSummary(code, name!, type, areas!), errors);
    }

    private static List<string>? ValidateAreaCodes(List<string?>? codes, OrganisationType type, Dictionary<string, string[]> errors)
    {
        var example = type == OrganisationType.PoliceStation ? "[\"PS-YUNFENG\"] (precinct codes)" : "[\"330102007\"] (grid, community, street or district codes)";
        if (codes is null || codes.Count == 0)
        {
            errors["areaCodes"] = [$"areaCodes must list at least one area the organisation serves, e.g. {example}."];
            return null;
        }

        var problems = new List<string>();
        if (codes.Count > MaxAreaCodes)
        {
            problems.Add($"At most {MaxAreaCodes} area codes; there are {codes.Count}.");
        }

        var cleaned = new List<string>();
        foreach (var raw in codes)
        {
            var areaCode = raw?.Trim() ?? "";
            if (!AreaCodePattern().IsMatch(areaCode))
            {
                problems.Add($"Area code '{raw}' must be 1–64 letters, digits, hyphens, underscores or dots, e.g. {example}.");
            }
            else if (cleaned.Contains(areaCode, StringComparer.Ordinal))
            {
                problems.Add($"Area code '{areaCode}' is listed twice.");
            }
            else
            {
                cleaned.Add(areaCode);
            }
        }

        if (problems.Count > 0)
        {
            errors["areaCodes"] = [.. problems];
            return null;
        }

        return cleaned;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();

    // No comma: the table keeps the list comma-separated.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex AreaCodePattern();
}
