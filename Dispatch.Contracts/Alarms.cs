namespace Dispatch.Contracts;

/// <summary>
/// Alarms of these incidents were acknowledged by <paramref name="By"/>: every node tells its command screens, so
/// each operator's alarm list drops them, not only the list of the one who acknowledged.
/// </summary>
public sealed record AlarmsAcknowledged(IReadOnlyList<Guid> IncidentIds, string By, DateTimeOffset At);
