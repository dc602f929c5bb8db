using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>A supervisor rejects the pending delay {reason}: the due time stays.</summary>
public sealed record RejectDelay(string Reason) : TaskOrderCommand(TaskOrderActions.DelayRejected)
{
    public static TaskOrderCommand? Parse(StepFields fields) => fields.Reason() is { } reason ? new RejectDelay(reason) : null;

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order switch
    {
        { Status: TaskOrderStatus.DelayRequested } => Transition.Change(order with
        {
            Status = TaskOrderStatus.Accepted, RequestedDueAt = null, Delay = DelayDecision.Rejected, Reason = Reason,
        }),
        { Delay: DelayDecision.Rejected } => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "驳回延期（无待批申请）", "reject a delay (none is pending)"),
    };
}
