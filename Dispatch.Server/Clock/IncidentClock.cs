using Dispatch.Contracts;

namespace Dispatch.Server.Clock;

/// <summary>One row of <c>incident_clocks</c>: a response clock of one incident.</summary>
public sealed record IncidentClock(
    Guid IncidentId,
    ClockKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    ClockState State,
    DateTimeOffset? MetAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    bool Late,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Still counting: a warning or a breach may still fire.</summary>
    public bool IsRunning => State is ClockState.Running or ClockState.Warned;

    public ClockView ToView() => new(
        IncidentId, Kind, State, StartedAt, WarnAt, DueAt, MetAt, WarnedAt, BreachedAt, Late,
        MetAt is { } met ? Math.Round((met - StartedAt).TotalSeconds, 3) : null);
}

/// <summary>
/// One change a rule decided: the clock as it was read (the store updates only if the row still looks like
/// that, so a concurrent sweep or a redelivery cannot be overwritten) and as it must become.
/// </summary>
/// <param name="Before">The clock as read; null when the change creates it.</param>
/// <param name="After">The clock as it must be.</param>
/// <param name="Action">The audit action, e.g. <c>clock.met</c>.</param>
public sealed record ClockChange(IncidentClock? Before, IncidentClock After, string Action);
