using Dispatch.Contracts;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>One missed deadline, as supervisors audit it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Kind"><c>respond</c>, <c>arrive</c>, <c>reinforce</c> or <c>task-order</c>.</param>
/// <param name="TaskOrderId">The task order, for a task-order breach.</param>
/// <param name="DueAt">The deadline missed.</param>
/// <param name="BreachedAt">When the breach was recorded.</param>
/// <param name="LateSeconds">How late: until the work was done (met, completed, or the deadline replaced), or until now while it is not.</param>
/// <param name="OrganisationCode">The organisation responsible.</param>
/// <param name="StreetCode">The incident's street.</param>
/// <param name="CommunityCode">The incident's community.</param>
/// <param name="Timeline">The incident's timeline: <c>/api/incidents/{id}</c>.</param>
/// <param name="CategoryName">What the incident was (its category), so a row says what happened, not only ids.</param>
/// <param name="Address">Where it was, as reported.</param>
public sealed record Breach(
    Guid IncidentId, string Kind, Guid? TaskOrderId, DateTimeOffset DueAt, DateTimeOffset BreachedAt, double LateSeconds,
    string? OrganisationCode, string? StreetCode, string? CommunityCode, string Timeline, string? CategoryName = null, string? Address = null);

/// <summary>Pure: breaches from the task orders' history and the clocks' rows.</summary>
public static class Breaches
{
    public const string TaskOrderKind = "task-order";

    private static readonly HashSet<string> EndsADeadline =
    [
        TaskOrderActions.Completed, TaskOrderActions.Returned, TaskOrderActions.Reassigned, TaskOrderActions.Reopened, TaskOrderActions.DelayApproved,
    ];

    public static string KindName(ClockKind kind) => kind.ToString().ToLowerInvariant();

    public static string Timeline(Guid incidentId) => $"/api/incidents/{incidentId}";

    /// <summary>
    /// A task order's missed deadline ends at the first later step that completes the work or replaces the deadline
    /// (<paramref name="later"/> holds the history from the breach on); still open, it is late until <paramref name="now"/>.
    /// </summary>
    public static Breach ForTaskOrder(TaskOrderEvent overdue, TaskOrder order, IEnumerable<TaskOrderEvent> later, DateTimeOffset now)
    {
        var end = later
            .Where(e => e.TaskOrderId == overdue.TaskOrderId && e.At >= overdue.At && EndsADeadline.Contains(e.Action))
            .Select(e => (DateTimeOffset?)e.At)
            .Min() ?? now;
        return new Breach(order.IncidentId, TaskOrderKind, order.Id, overdue.DueAt, overdue.At, Math.Max(0, (end - overdue.DueAt).TotalSeconds),
            overdue.OrganisationCode, order.StreetCode, order.CommunityCode, Timeline(order.IncidentId), order.CategoryName, order.Address);
    }

    /// <summary>The breaches of one organisation and/or one street; a null filter keeps all.</summary>
    public static IEnumerable<Breach> Filter(IEnumerable<Breach> breaches, string? organisationCode, string? streetCode) => breaches.Where(b =>
        (organisationCode is null || string.Equals(b.OrganisationCode, organisationCode, StringComparison.Ordinal))
        && (streetCode is null || string.Equals(b.StreetCode, streetCode, StringComparison.Ordinal)));

    public static Breach ForClock(ClockFact clock, IncidentSummary? incident, DateTimeOffset now) => new(
        clock.IncidentId, KindName(clock.Kind), null, clock.DueAt, clock.BreachedAt ?? clock.DueAt,
        Math.Max(0, ((clock.MetAt ?? now) - clock.DueAt).TotalSeconds),
        incident?.Routing?.Organisation?.Code, incident?.Jurisdiction?.Street?.Code, incident?.Jurisdiction?.Community?.Code,
        Timeline(clock.IncidentId), incident?.CategoryName, incident?.Address);
}

/// <summary>Breaches as CSV for Excel, in Beijing time, with the same quoting as the assessment.</summary>
public static class BreachesCsv
{
    private static readonly string[] Header =
    [
        "事件 incident", "类型 kind", "任务单 task order", "期限 due (UTC+8)", "超时记录 breached (UTC+8)", "超时秒 late s",
        "责任单位 organisation", "街道 street", "社区 community", "时间线 timeline",
    ];

    public static byte[] Write(IEnumerable<Breach> breaches) => AssessmentCsv.Table(Header, breaches.Select(b => new object?[]
    {
        b.IncidentId.ToString(), b.Kind, b.TaskOrderId?.ToString(), b.DueAt, b.BreachedAt, Math.Round(b.LateSeconds),
        b.OrganisationCode, b.StreetCode, b.CommunityCode, b.Timeline,
    }));
}
