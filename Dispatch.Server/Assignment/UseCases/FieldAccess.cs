using Dispatch.Contracts;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>
/// Who may act on dispatch work, pure. Operators (and supervisors, admins) act within their areas: elsewhere an
/// incident does not exist for them. Responders act for their own unit only: another unit's assignment does not
/// exist for them either, and an incident only through an assignment of theirs that qualifies. Whether an
/// incident is in someone's areas is <see cref="AccessScope"/>'s to say.
/// </summary>
public static class FieldAccess
{
    /// <summary>Only a unit on scene at the incident may ask for reinforcement from the field.</summary>
    public static readonly Func<AssignmentSummary, bool> OnScene = a => a.State == AssignmentState.OnScene;

    /// <summary>The primary responder on scene closes (resolves or hands over) from the field.</summary>
    public static readonly Func<AssignmentSummary, bool> PrimaryOnScene = a => a is { Role: AssignmentRole.Primary, State: AssignmentState.OnScene };

    /// <summary>The primary unit while its assignment is open: the one who calls the caller back.</summary>
    public static readonly Func<AssignmentSummary, bool> OpenPrimary = a => a.Role == AssignmentRole.Primary && AssignmentTransitions.IsOpen(a.State);

    public static bool IsResponder(AccessScope scope) => scope.Role == Roles.Responder;

    /// <summary>A reader (operator, supervisor, admin) with the incident in their areas.</summary>
    public static bool MayRead(AccessScope scope, IncidentSummary? incident) =>
        incident is not null && !IsResponder(scope) && scope.CanSee(incident);

    /// <summary>A responder for their unit's assignment; anyone else when they may read its incident.</summary>
    public static bool MayActOn(AccessScope scope, AssignmentSummary assignment, IncidentSummary? incident) =>
        IsResponder(scope) ? scope.IsOrganisation(assignment.UnitCode) : MayRead(scope, incident);

    /// <summary>
    /// For incident actions open to the field: a responder when one of their unit's assignments on it
    /// <paramref name="qualifies"/>, anyone else when they may read it.
    /// </summary>
    public static bool MayActOn(
        AccessScope scope, IncidentSummary? incident, IReadOnlyList<AssignmentSummary> incidentAssignments, Func<AssignmentSummary, bool> qualifies) =>
        IsResponder(scope)
            ? incident is not null && incidentAssignments.Any(a => scope.IsOrganisation(a.UnitCode) && qualifies(a))
            : MayRead(scope, incident);

    /// <summary>A responder signs on and off for their own unit only; others are checked against the unit's scope later.</summary>
    public static Refusal? DutyForbidden(AccessScope scope, string unitCode) => IsResponder(scope) && !scope.IsOrganisation(unitCode)
        ? new Refusal(RefusalKind.Forbidden, "无权操作 / Not your unit", $"You sign on and off for unit {string.Join(",", scope.Codes)} only.")
        : null;
}
