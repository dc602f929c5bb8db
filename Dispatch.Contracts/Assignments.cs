namespace Dispatch.Contracts;

/// <summary>An assignment (派单) as screens, phones and <c>GET /api/incidents/{id}</c> show it.</summary>
/// <param name="Id">The assignment.</param>
/// <param name="IncidentId">Its incident.</param>
/// <param name="UnitCode">The unit given the work.</param>
/// <param name="Role">Primary or reinforcement.</param>
/// <param name="State">Where it stands.</param>
/// <param name="DispatchedAt">When it was dispatched.</param>
/// <param name="AcknowledgedAt">签收: when the unit acknowledged.</param>
/// <param name="EnRouteAt">When the unit set off.</param>
/// <param name="OnSceneAt">到场: when the unit arrived.</param>
/// <param name="ClearedAt">When the unit finished (or the incident was closed).</param>
/// <param name="DeclinedAt">When the unit declined.</param>
/// <param name="DeclineReason">Why it declined.</param>
/// <param name="DispatchedBy">The operator, or <c>system</c> for auto-dispatch.</param>
/// <param name="OverrideReason">Why a unit that was not available was dispatched anyway.</param>
/// <param name="Version">Row version; grows with every step.</param>
public sealed record AssignmentSummary(
    Guid Id,
    Guid IncidentId,
    string UnitCode,
    AssignmentRole Role,
    AssignmentState State,
    DateTimeOffset DispatchedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? EnRouteAt,
    DateTimeOffset? OnSceneAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset? DeclinedAt,
    string? DeclineReason,
    string DispatchedBy,
    string? OverrideReason,
    int Version);

/// <summary>A unit recommended for an incident: available, of the responsible organisation, nearest by ETA first.</summary>
/// <param name="Unit">The unit with its status and position.</param>
/// <param name="DistanceMetres">Great-circle distance to the incident.</param>
/// <param name="EtaSeconds">Estimated travel time at the kind's urban speed.</param>
/// <param name="Stale">Its position is older than <c>Units:StaleAfter</c>.</param>
public sealed record RecommendedUnit(UnitSummary Unit, double DistanceMetres, double EtaSeconds, bool Stale);

/// <summary>A unit's status or position changed; each node pushes it to its screens.</summary>
/// <param name="Unit">The unit as it is now.</param>
/// <param name="Change"><c>status</c>, <c>position</c> or <c>details</c> (name, organisation or kind edited by an admin).</param>
public sealed record UnitChanged(UnitSummary Unit, string Change);

/// <summary>What the server pushes to a responder's phone over <c>/hubs/responder</c>: only their own unit's work.</summary>
public interface IResponderClient
{
    /// <summary>An assignment of the responder's unit was made or changed (<c>AssignmentChanged</c>).</summary>
    Task AssignmentChanged(AssignmentSummary assignment);
}
