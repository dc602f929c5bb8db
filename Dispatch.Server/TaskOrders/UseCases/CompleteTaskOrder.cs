using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>办结 {result}: the work is done; on time when at or before the due time in force.</summary>
public sealed record CompleteTaskOrder(string Result) : TaskOrderCommand(TaskOrderActions.Completed)
{
    public static TaskOrderCommand? Parse(StepFields fields) =>
        fields.Text(fields.Body.Result, "result", StepFields.MaxTextLength) is { } result ? new CompleteTaskOrder(result) : null;

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order.Status switch
    {
        // A pending delay request lapses: the work is done.
        TaskOrderStatus.Accepted or TaskOrderStatus.DelayRequested => Transition.Change(order with
        {
            Status = TaskOrderStatus.Completed,
            Result = Result,
            CompletedAt = now,
            CompletedOnTime = now <= order.DueAt,
            RequestedDueAt = null,
            Delay = order.Delay == DelayDecision.Pending ? null : order.Delay,
        }),
        TaskOrderStatus.Completed when order.Result == Result => Transition.Unchanged(order),
        TaskOrderStatus.Issued or TaskOrderStatus.Reopened => Transition.Refuse("请先签收 / accept the task order before completing it"),
        _ => Transition.RefuseInState(order, "办结", "complete"),
    };

    /// <summary>The history keeps the result.</summary>
    public override string? HistoryNote(TaskOrder before, TaskOrder after) => Result;
}
