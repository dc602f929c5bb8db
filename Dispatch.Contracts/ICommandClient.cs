namespace Dispatch.Contracts;

/// <summary>What the server pushes to a command screen over <c>/hubs/command</c>.</summary>
public interface ICommandClient
{
    /// <summary>A new incident was opened (method name on the wire: <c>IncidentOpened</c>).</summary>
    Task IncidentOpened(IncidentSummary incident);

    /// <summary>An incident changed: a caller joined, it was rerouted, reclassified or returned (<c>IncidentUpdated</c>).</summary>
    Task IncidentUpdated(IncidentSummary incident, string change);

    /// <summary>One of an incident's response clocks changed: started, warned, met or cancelled (<c>ClockChanged</c>).</summary>
    Task ClockChanged(ClockView clock, string change);

    /// <summary>
    /// A response clock breached: the incident alarms until an operator acts; carries the next recommended unit
    /// (<c>ClockAlarm</c>). Supervisors watching the incident's areas receive it too.
    /// </summary>
    Task ClockAlarm(ClockEscalated alarm);

    /// <summary>
    /// The incident's alarms changed: one was acknowledged, or reinforcement was requested (<c>AlarmsChanged</c>).
    /// Screens read <c>GET /api/alarms</c> again, so every operator's list agrees with the server's.
    /// </summary>
    Task AlarmsChanged(Guid incidentId);

    /// <summary>A unit's status or position changed (<c>UnitChanged</c>): screens move it on the map and in the list.</summary>
    Task UnitChanged(UnitSummary unit);

    /// <summary>
    /// An assignment changed (<c>AssignmentChanged</c>). After a decline, <paramref name="next"/> holds the units now
    /// recommended for the incident, so the operator can dispatch again at once; otherwise it is empty.
    /// </summary>
    Task AssignmentChanged(AssignmentSummary assignment, IReadOnlyList<RecommendedUnit> next);

    /// <summary>A task order of the watcher's areas changed (<c>TaskOrderChanged</c>): the task-order board follows it.</summary>
    Task TaskOrderChanged(TaskOrderView order, string change);
}
