using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;

namespace Dispatch.Server.TaskOrders;

/// <summary>What a step does: the order after it (null when refused), and whether anything changed.</summary>
/// <param name="After">The task order after the step; the same order when the step was already done.</param>
/// <param name="Changed">False for a harmless repeat (a double click, a retried request).</param>
/// <param name="Refused">Why the step is not possible now, bilingual; null when it is.</param>
/// <param name="ResetDeadline">True when the step set a new due time, so the reminder and overdue marks start again.</param>
public sealed record Transition(TaskOrder? After, bool Changed, string? Refused, bool ResetDeadline = false)
{
    public static Transition Refuse(string why) => new(null, false, why);

    public static Transition Unchanged(TaskOrder order) => new(order, false, null);

    /// <summary>The step happens; a new deadline clears the sweeper's marks so the reminder and overdue fire again.</summary>
    public static Transition Change(TaskOrder after, bool resetDeadline = false) =>
        new(resetDeadline ? after with { RemindedAt = null, OverdueAt = null } : after, true, null, resetDeadline);

    /// <summary>The step is out of place in the order's state; <paramref name="zh"/> and <paramref name="en"/> name it.</summary>
    public static Transition RefuseInState(TaskOrder order, string zh, string en) =>
        Refuse($"当前状态 {order.Status} 不能{zh} / a task order in state {order.Status} cannot {en}");
}

/// <summary>
/// The task-order lifecycle as a pure function: Issued → Accepted (签收) → Completed (办结) → Evaluated → Closed,
/// with Returned (退回) → reassigned → Issued, DelayRequested (延期) → approved/rejected → Accepted, and
/// Reopened (返工) after 不满意. A step already taken is a harmless repeat; any other step out of place is refused.
/// Each step's rule lives with its use case in <c>UseCases/</c>.
/// </summary>
public static class TaskOrderTransitions
{
    public static Transition Apply(TaskOrder order, TaskOrderCommand command, DateTimeOffset now, WorkingCalendar calendar) =>
        command.Apply(order, now, calendar);
}
