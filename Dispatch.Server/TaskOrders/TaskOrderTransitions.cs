using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders;

/// <summary>A step someone asks for on a task order.</summary>
public abstract record TaskOrderCommand(string Action);

public sealed record AcceptTaskOrder() : TaskOrderCommand(TaskOrderActions.Accepted);

public sealed record CompleteTaskOrder(string Result) : TaskOrderCommand(TaskOrderActions.Completed);

public sealed record ReturnTaskOrder(string Reason) : TaskOrderCommand(TaskOrderActions.Returned);

public sealed record ReassignTaskOrder(OrganisationRef Organisation, string Reason) : TaskOrderCommand(TaskOrderActions.Reassigned);

public sealed record RequestDelay(string Reason, DateTimeOffset NewDueAt) : TaskOrderCommand(TaskOrderActions.DelayRequested);

public sealed record ApproveDelay() : TaskOrderCommand(TaskOrderActions.DelayApproved);

public sealed record RejectDelay(string Reason) : TaskOrderCommand(TaskOrderActions.DelayRejected);

public sealed record EvaluateTaskOrder(CitizenRating Rating, string? Comment) : TaskOrderCommand(TaskOrderActions.Evaluated);

public sealed record ReopenTaskOrder(string Reason) : TaskOrderCommand(TaskOrderActions.Reopened);

public sealed record CloseTaskOrder() : TaskOrderCommand(TaskOrderActions.Closed);

/// <summary>What a step does: the order after it (null when refused), and whether anything changed.</summary>
/// <param name="After">The task order after the step; the same order when the step was already done.</param>
/// <param name="Changed">False for a harmless repeat (a double click, a retried request).</param>
/// <param name="Refused">Why the step is not possible now, bilingual; null when it is.</param>
/// <param name="ResetDeadline">True when the step set a new due time, so the reminder and overdue marks start again.</param>
public sealed record Transition(TaskOrder? After, bool Changed, string? Refused, bool ResetDeadline = false)
{
    public static Transition Refuse(string why) => new(null, false, why);

    public static Transition Unchanged(TaskOrder order) => new(order, false, null);
}

/// <summary>
/// The task-order lifecycle as a pure function: Issued → Accepted (签收) → Completed (办结) → Evaluated → Closed,
/// with Returned (退回) → reassigned → Issued, DelayRequested (延期) → approved/rejected → Accepted, and
/// Reopened (返工) after 不满意. A step already taken is a harmless repeat; any other step out of place is refused.
/// </summary>
public static class TaskOrderTransitions
{
    public static Transition Apply(TaskOrder order, TaskOrderCommand command, DateTimeOffset now, WorkingCalendar calendar) => command switch
    {
        AcceptTaskOrder => Accept(order),
        CompleteTaskOrder c => Complete(order, c.Result, now),
        ReturnTaskOrder r => Return(order, r.Reason),
        ReassignTaskOrder r => Reassign(order, r.Organisation, r.Reason, now, calendar),
        RequestDelay d => Delay(order, d.Reason, d.NewDueAt),
        ApproveDelay => Approve(order),
        RejectDelay r => Reject(order, r.Reason),
        EvaluateTaskOrder e => Evaluate(order, e.Rating, e.Comment, now),
        ReopenTaskOrder r => Reopen(order, r.Reason, now, calendar),
        CloseTaskOrder => Close(order, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown task-order step."),
    };

    private static Transition Accept(TaskOrder order) => order.Status switch
    {
        TaskOrderStatus.Issued or TaskOrderStatus.Reopened => Change(order with { Status = TaskOrderStatus.Accepted }),
        TaskOrderStatus.Accepted or TaskOrderStatus.DelayRequested => Transition.Unchanged(order),
        _ => Refuse(order, "签收", "accept"),
    };

    private static Transition Complete(TaskOrder order, string result, DateTimeOffset now) => order.Status switch
    {
        // A pending delay request lapses: the work is done.
        TaskOrderStatus.Accepted or TaskOrderStatus.DelayRequested => Change(order with
        {
            Status = TaskOrderStatus.Completed,
            Result = result,
            CompletedAt = now,
            CompletedOnTime = now <= order.DueAt,
            RequestedDueAt = null,
            Delay = order.Delay == DelayDecision.Pending ? null : order.Delay,
        }),
        TaskOrderStatus.Completed when order.Result == result => Transition.Unchanged(order),
        TaskOrderStatus.Issued or TaskOrderStatus.Reopened => Transition.Refuse("请先签收 / accept the task order before completing it"),
        _ => Refuse(order, "办结", "complete"),
    };

    private static Transition Return(TaskOrder order, string reason) => order.Status switch
    {
        TaskOrderStatus.Issued or TaskOrderStatus.Accepted => Change(order with { Status = TaskOrderStatus.Returned, Reason = reason }),
        TaskOrderStatus.Returned => Transition.Unchanged(order),
        _ => Refuse(order, "退回", "return"),
    };

    /// <summary>
    /// The command room gives a returned order to the right organisation. Its days count from now: the days the
    /// order spent with the wrong organisation are not held against the right one.
    /// </summary>
    private static Transition Reassign(TaskOrder order, OrganisationRef organisation, string reason, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (order.Status == TaskOrderStatus.Issued && order.Organisation.Code == organisation.Code)
        {
            return Transition.Unchanged(order);
        }

        if (order.Status != TaskOrderStatus.Returned)
        {
            return Refuse(order, "改派（仅限已退回的任务单）", "reassign (only a returned task order)");
        }

        if (order.Organisation.Code == organisation.Code)
        {
            return Transition.Refuse("不能改派回退回它的单位 / cannot reassign to the organisation that returned it");
        }

        return Change(order with
        {
            Status = TaskOrderStatus.Issued,
            Organisation = organisation,
            AssignedAt = now,
            DueAt = calendar.DueAt(now, order.WorkingDays).Due,
            Reason = reason,
            RequestedDueAt = null,
            Delay = null,
        }, resetDeadline: true);
    }

    private static Transition Delay(TaskOrder order, string reason, DateTimeOffset newDueAt)
    {
        if (order.Status == TaskOrderStatus.DelayRequested && order.RequestedDueAt == newDueAt)
        {
            return Transition.Unchanged(order);
        }

        if (order.Status != TaskOrderStatus.Accepted)
        {
            return Refuse(order, "申请延期（须先签收）", "request a delay (accept it first)");
        }

        if (newDueAt <= order.DueAt)
        {
            return Transition.Refuse("延期后的期限须晚于当前期限 / the new due time must be later than the current one");
        }

        return Change(order with { Status = TaskOrderStatus.DelayRequested, Reason = reason, RequestedDueAt = newDueAt, Delay = DelayDecision.Pending });
    }

    private static Transition Approve(TaskOrder order) => order switch
    {
        { Status: TaskOrderStatus.DelayRequested, RequestedDueAt: { } due } => Change(order with
        {
            Status = TaskOrderStatus.Accepted, DueAt = due, RequestedDueAt = null, Delay = DelayDecision.Approved,
        }, resetDeadline: true),
        { Delay: DelayDecision.Approved } => Transition.Unchanged(order),
        _ => Refuse(order, "批准延期（无待批申请）", "approve a delay (none is pending)"),
    };

    private static Transition Reject(TaskOrder order, string reason) => order switch
    {
        { Status: TaskOrderStatus.DelayRequested } => Change(order with
        {
            Status = TaskOrderStatus.Accepted, RequestedDueAt = null, Delay = DelayDecision.Rejected, Reason = reason,
        }),
        { Delay: DelayDecision.Rejected } => Transition.Unchanged(order),
        _ => Refuse(order, "驳回延期（无待批申请）", "reject a delay (none is pending)"),
    };

    private static Transition Evaluate(TaskOrder order, CitizenRating rating, string? comment, DateTimeOffset now) => order.Status switch
    {
        TaskOrderStatus.Completed => Change(order with { Status = TaskOrderStatus.Evaluated, Rating = rating, RatingComment = comment, EvaluatedAt = now }),
        TaskOrderStatus.Evaluated when order.Rating == rating => Transition.Unchanged(order),
        _ => Refuse(order, "回访评价（须先办结）", "evaluate (complete it first)"),
    };

    /// <summary>返工 after 不满意: back to the same organisation with a fresh due time from now.</summary>
    private static Transition Reopen(TaskOrder order, string reason, DateTimeOffset now, WorkingCalendar calendar) => order switch
    {
        { Status: TaskOrderStatus.Evaluated, Rating: CitizenRating.Dissatisfied } => Change(order with
        {
            Status = TaskOrderStatus.Reopened,
            AssignedAt = now,
            DueAt = calendar.DueAt(now, order.WorkingDays).Due,
            Reason = reason,
            Result = null,
            CompletedAt = null,
            CompletedOnTime = null,
            Rating = null,
            RatingComment = null,
            EvaluatedAt = null,
            Delay = null,
        }, resetDeadline: true),
        { Status: TaskOrderStatus.Reopened } => Transition.Unchanged(order),
        { Status: TaskOrderStatus.Evaluated } => Transition.Refuse("仅「不满意」可返工 / only a dissatisfied evaluation can be reopened"),
        _ => Refuse(order, "返工（须先回访评价为不满意）", "reopen (it must be evaluated dissatisfied first)"),
    };

    /// <summary>Closed after the evaluation, or straight after completion when the citizen cannot be reached for one.</summary>
    private static Transition Close(TaskOrder order, DateTimeOffset now) => order.Status switch
    {
        TaskOrderStatus.Evaluated or TaskOrderStatus.Completed => Change(order with { Status = TaskOrderStatus.Closed, ClosedAt = now }),
        TaskOrderStatus.Closed => Transition.Unchanged(order),
        _ => Refuse(order, "结案（须先办结）", "close (complete it first)"),
    };

    private static Transition Change(TaskOrder after, bool resetDeadline = false) =>
        new(resetDeadline ? after with { RemindedAt = null, OverdueAt = null } : after, true, null, resetDeadline);

    private static Transition Refuse(TaskOrder order, string zh, string en) =>
        Transition.Refuse($"当前状态 {order.Status} 不能{zh} / a task order in state {order.Status} cannot {en}");
}
