using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>Closed after the evaluation, or straight after completion when the citizen cannot be reached for one.</summary>
public sealed record CloseTaskOrder() : TaskOrderCommand(TaskOrderActions.Closed)
{
    public static TaskOrderCommand Parse(StepFields fields) => new CloseTaskOrder();

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order.Status switch
    {
        TaskOrderStatus.Evaluated or TaskOrderStatus.Completed => Transition.Change(order with { Status = TaskOrderStatus.Closed, ClosedAt = now }),
        TaskOrderStatus.Closed => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "结案（须先办结）", "close (complete it first)"),
    };
}
