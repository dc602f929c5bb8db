using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>A supervisor approves the pending delay: the requested due time applies and its reminder starts afresh.</summary>
public sealed record ApproveDelay() : TaskOrderCommand(TaskOrderActions.DelayApproved)
{
    public static TaskOrderCommand Parse(StepFields fields) => new ApproveDelay();

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order switch
    {
        { Status: TaskOrderStatus.DelayRequested, RequestedDueAt: { } due } => Transition.Change(order with
        {
            Status = TaskOrderStatus.Accepted, DueAt = due, RequestedDueAt = null, Delay = DelayDecision.Approved,
        }, resetDeadline: true),
        { Delay: DelayDecision.Approved } => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "批准延期（无待批申请）", "approve a delay (none is pending)"),
    };
}
