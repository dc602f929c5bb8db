using System.Security.Claims;
using Dispatch.Contracts;

namespace Dispatch.Server.Security;

/// <summary>
/// A signed-in user's role and scope claim: admins everything; operators and supervisors area codes; department
/// handlers an organisation; responders a unit. What the scope lets them see is <see cref="Visibility"/>'s to say.
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

    public bool CanSee(IncidentSummary incident) => Visibility.CanSee(this, RecordKind.Incident, RecordPlace.Of(incident));

    /// <summary>True when the user acts for this organisation or unit (a handler's organisation, a responder's unit), or is an admin.</summary>
    public bool IsOrganisation(string? code) => All || (code is not null && Codes.Contains(code, StringComparer.Ordinal));
}

/// <summary>How the audit log names whoever made a change.</summary>
public static class Actors
{
    /// <summary>The signed-in user or API client; every route needs one, so "anonymous" shows a route left open by mistake.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
