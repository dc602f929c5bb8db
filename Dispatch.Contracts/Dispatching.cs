namespace Dispatch.Contracts;

/// <summary>What a unit is doing, as screens show it.</summary>
public enum UnitStatus
{
    /// <summary>Nobody is signed on for it.</summary>
    OffDuty = 0,

    /// <summary>On duty and free.</summary>
    Available = 1,

    /// <summary>Given an assignment, not yet on the way.</summary>
    Dispatched = 2,

    /// <summary>On the way.</summary>
    EnRoute = 3,

    /// <summary>At the scene.</summary>
    OnScene = 4,

    /// <summary>On duty but not free for a reason of its own (a meal, paperwork, a job outside Dispatch).</summary>
    Busy = 5,
}

/// <summary>Whether a unit is the first to go or comes to help.</summary>
public enum AssignmentRole
{
    Primary = 0,
    Reinforcement = 1,
}

/// <summary>The steps of an assignment (派单): Dispatched → Acknowledged → EnRoute → OnScene → Cleared, or Declined.</summary>
public enum AssignmentState
{
    Dispatched = 0,
    Acknowledged = 1,
    EnRoute = 2,
    OnScene = 3,
    Cleared = 4,
    Declined = 5,
}

/// <summary>The three clocks of the 1/3/5-minute rule.</summary>
public enum ClockKind
{
    /// <summary>响应启动: a dispatched unit has acknowledged (default 1 minute from T0).</summary>
    Respond = 0,

    /// <summary>到场处置: the primary unit is on scene (default 3 minutes).</summary>
    Arrive = 1,

    /// <summary>增援力量协同: a reinforcement is on scene, when one was requested or the policy requires it (default 5 minutes).</summary>
    Reinforce = 2,
}

/// <summary>Where a clock stands.</summary>
public enum ClockState
{
    Running = 0,
    Warned = 1,
    Met = 2,
    Breached = 3,
    /// <summary>No longer needed (the incident was resolved or handed over before it fell due).</summary>
    Cancelled = 4,
}

/// <summary>A unit changed state on an incident: the clocks and screens follow these.</summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="IncidentId">Its incident.</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="Role">Primary or reinforcement.</param>
/// <param name="State">The state it reached.</param>
/// <param name="At">When (server time).</param>
/// <param name="Actor">Who made the change (a responder, an operator, <c>system</c> for auto-dispatch).</param>
public sealed record AssignmentChanged(Guid AssignmentId, Guid IncidentId, string UnitCode, AssignmentRole Role, AssignmentState State, DateTimeOffset At, string Actor);

/// <summary>Reinforcement was requested for an incident (from the scene or by an operator): the reinforce clock starts to count.</summary>
public sealed record ReinforcementRequested(Guid IncidentId, DateTimeOffset At, string Actor, string? Reason);

/// <summary>An incident ended: resolved on scene, or handed over as follow-up work (a task order).</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="HandedOver">True when follow-up work goes to a department (a task order is issued).</param>
/// <param name="Result">The result on scene (resolved), or the instructions for the department (handed over).</param>
/// <param name="Organisation">The organisation that takes the follow-up work, when handed over.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who closed it.</param>
public sealed record IncidentClosed(Guid IncidentId, bool HandedOver, string Result, OrganisationRef? Organisation, DateTimeOffset At, string Actor);

/// <summary>A clock reached its warning point (default 80% of its time).</summary>
public sealed record ClockWarning(Guid IncidentId, ClockKind Kind, DateTimeOffset DueAt, DateTimeOffset At);

/// <summary>A clock fell due unmet. <see cref="Late"/> when it fired after the due time (the server was down).</summary>
public sealed record ClockBreached(Guid IncidentId, ClockKind Kind, DateTimeOffset DueAt, DateTimeOffset At, bool Late);

/// <summary>A service outside the police that an incident can be handed to (联动).</summary>
public enum LinkageService
{
    /// <summary>119: fire and rescue.</summary>
    Fire = 0,

    /// <summary>120: medical emergency.</summary>
    Medical = 1,

    /// <summary>应急: emergency management (disasters, hazardous incidents).</summary>
    Emergency = 2,
}

/// <summary>An incident handed to a linkage service: who, when, and the reference quoted to the other centre.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Service">119, 120 or 应急.</param>
/// <param name="Reference">The centre's own reference for this hand-off (e.g. <c>119-20261206-3F2A1C</c>).</param>
/// <param name="ExternalReference">The other centre's number for it, when the operator has one.</param>
/// <param name="Note">What the operator told them, when given.</param>
/// <param name="At">When.</param>
/// <param name="Actor">The operator.</param>
public sealed record IncidentLinked(
    Guid IncidentId, LinkageService Service, string Reference, string? ExternalReference, string? Note, DateTimeOffset At, string Actor);
