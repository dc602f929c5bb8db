using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Assignment;

/// <summary>
/// The body of <c>PUT /api/units/{code}</c>: what an installer knows of a unit. Position and status are the unit's
/// own (reported by its phone or tracker, set by dispatch), so they are not part of it. Kind is text so a wrong
/// one gets a readable answer.
/// </summary>
public sealed record UnitEdit(string? Code, string? Name, string? Organisation, string? Kind);

/// <summary>Checks a unit edit field by field; every problem is named, so one round trip fixes them all.</summary>
public static partial class UnitValidator
{
    public const int MaxNameLength = 100;

    /// <summary>The unit, or null with the errors (pure: whether the organisation exists is the endpoint's to check).</summary>
    public static (UnitSummary? Unit, Dictionary<string, string[]> Errors) Validate(string routeCode, UnitEdit? edit)
    {
        var errors = new Dictionary<string, string[]>();
        var code = (routeCode ?? "").Trim();
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = [$"Code '{routeCode}' must be 1–{UnitEndpoints.MaxCodeLength} letters, digits, hyphens or underscores, e.g. 'YF-PC01'."];
        }

        if (edit is null)
        {
            errors["body"] = ["Send the unit as a JSON object: {\"name\":…,\"organisation\":…,\"kind\":…}."];
            return (null, errors);
        }

        if (edit.Code is { } bodyCode && !string.Equals(bodyCode.Trim(), code, StringComparison.Ordinal))
        {
            errors["code"] = [$"The body's code '{bodyCode}' differs from the code in the URL '{code}'; codes cannot be renamed."];
        }

        var name = edit.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["name is required (what operators and the map show, e.g. 云峰派出所巡逻车1号)."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is longer than {MaxNameLength} characters."];
        }

        var organisation = edit.Organisation?.Trim();
        if (string.IsNullOrEmpty(organisation))
        {
            errors["organisation"] = ["organisation is required: the code of the organisation the unit belongs to, e.g. 'PS-YUNFENG'."];
        }

        if (!StrictEnum.TryParse<UnitKind>(edit.Kind, out var kind))
        {
            errors["kind"] = [StrictEnum.MustBeOneOf<UnitKind>("kind", edit.Kind)];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new UnitSummary(code, name!, organisation!, kind, null, null), errors);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();
}
