using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>退回 {reason}: not this organisation's work; back to the command room, before or after accepting it.</summary>
public sealed record ReturnTaskOrder(string Reason) : TaskOrderCommand(TaskOrderActions.Returned)
{
    public static TaskOrderCommand? Parse(StepFields fields) => fields.Reason() is { } reason ? new ReturnTaskOrder(reason) : null;

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order.Status switch
    {
        TaskOrderStatus.Issued or TaskOrderStatus.Accepted => Transition.Change(order with { Status = TaskOrderStatus.Returned, Reason = Reason }),
        TaskOrderStatus.Returned => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "退回", "return"),
    };
}
