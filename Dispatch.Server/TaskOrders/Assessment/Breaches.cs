using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>Pure: breaches from the task orders' history.</summary>
public static class Breaches
{
    public const string TaskOrderKind = "task-order";

    private static readonly HashSet<string> EndsADeadline =
    [
        TaskOrderActions.Completed, TaskOrderActions.Returned, TaskOrderActions.Reassigned, TaskOrderActions.Reopened, TaskOrderActions.DelayApproved,
    ];

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
            overdue.OrganisationCode, order.StreetCode, order.CommunityCode, IncidentRoutes.Timeline(order.IncidentId), order.CategoryName, order.Address);
    }
}
