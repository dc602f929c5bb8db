using System.Security.Claims;
using Dispatch.Contracts;

namespace Dispatch.Server.Security;

/// <summary>
/// What a signed-in user may see, from their role and scope claim: admins everything; operators and supervisors
/// the incidents in their areas (and those no area holds yet, which someone must place); department handlers
/// their organisation's work; responders their unit's.
/// </summary>
public sealed record AccessScope(string Role, bool All, IReadOnlyList<string> Codes)
{
    public static AccessScope Of(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var codes = (user.FindFirstValue(DispatchClaims.Scope) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AccessScope(role, role == Roles.Admin, codes);
    }

    /// <summary>The area codes to filter incident lists by; null for everything.</summary>
    public IReadOnlyList<string>? AreaFilter => All ? null : Codes;

    public bool CanSee(IncidentSummary incident) => All || InAreas(incident.Jurisdiction)
        || (Role == Roles.DepartmentHandler && incident.Routing?.Organisation?.Code is { } org && Codes.Contains(org, StringComparer.Ordinal));

    /// <summary>True when one of the incident's areas is in scope, or when no area holds it (so it stays visible to be placed).</summary>
    public bool InAreas(Jurisdiction? where)
    {
        if (All)
        {
            return true;
        }

        if (where is null || (where.District is null && where.Street is null && where.Precinct is null))
        {
            return Role is Roles.Operator or Roles.Supervisor;
        }

        return new[] { where.District, where.Street, where.Community, where.Grid, where.Precinct }
            .Any(a => a is not null && Codes.Contains(a.Code, StringComparer.Ordinal));
    }

    /// <summary>
    /// For records that carry area codes rather than a jurisdiction (a task order's district, street, community):
    /// in scope when one of them is, or when none is set, as for an incident no area holds.
    /// </summary>
    public bool InAreaCodes(params string?[] codes)
    {
        if (All)
        {
            return true;
        }

        if (codes.All(c => c is null))
        {
            return Role is Roles.Operator or Roles.Supervisor;
        }

        return codes.Any(c => c is not null && Codes.Contains(c, StringComparer.Ordinal));
    }

    public bool IsOrganisation(string? code) => All || (code is not null && Codes.Contains(code, StringComparer.Ordinal));
}

/// <summary>How the audit log names whoever made a change.</summary>
public static class Actors
{
    /// <summary>The signed-in user or API client; every route needs one, so "anonymous" shows a route left open by mistake.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
