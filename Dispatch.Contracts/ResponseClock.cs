namespace Dispatch.Contracts;

/// <summary>One response clock of an incident, as <c>GET /api/incidents/{id}</c> shows it and screens receive it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Kind">Respond, arrive or reinforce.</param>
/// <param name="State">Running, warned, met, breached or cancelled.</param>
/// <param name="StartedAt">T0: when the incident was received; every clock counts from it.</param>
/// <param name="WarnAt">When it warns (default 80% of its time).</param>
/// <param name="DueAt">When it breaches unmet.</param>
/// <param name="MetAt">When the event that stops it came; also kept for a clock met after its breach.</param>
/// <param name="WarnedAt">When the warning fired.</param>
/// <param name="BreachedAt">When the breach fired.</param>
/// <param name="Late">The breach fired more than a second after <paramref name="DueAt"/> (the server was down).</param>
/// <param name="TakenSeconds">Seconds from T0 to <paramref name="MetAt"/>, when met.</param>
public sealed record ClockView(
    Guid IncidentId,
    ClockKind Kind,
    ClockState State,
    DateTimeOffset StartedAt,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset? MetAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    bool Late,
    double? TakenSeconds);

/// <summary>A clock started, was met or was cancelled (warnings and breaches have their own messages): screens update.</summary>
/// <param name="Clock">The clock as it is now.</param>
/// <param name="Change">What happened: <c>started</c>, <c>met</c>, <c>cancelled</c>.</param>
public sealed record ClockUpdated(ClockView Clock, string Change);


/// <summary>
/// A breach was escalated (once, by one node): the incident alarms on operators' and supervisors' screens and
/// the next unit is offered.
/// </summary>
/// <param name="Incident">The incident, so every node can push to its groups without a read.</param>
/// <param name="Clock">The breached clock.</param>
/// <param name="NextUnit">The next recommended unit, or null when none could be ranked (no organisation, no location, no unit).</param>
/// <param name="At">When it was escalated.</param>
public sealed record ClockEscalated(IncidentSummary Incident, ClockView Clock, RecommendedUnit? NextUnit, DateTimeOffset At);
