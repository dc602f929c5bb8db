using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>签收: the organisation takes the order. Accepting again, or while a delay is pending, is a harmless repeat.</summary>
public sealed record AcceptTaskOrder() : TaskOrderCommand(TaskOrderActions.Accepted)
{
    public static TaskOrderCommand Parse(StepFields fields) => new AcceptTaskOrder();

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order.Status switch
    {
        TaskOrderStatus.Issued or TaskOrderStatus.Reopened => Transition.Change(order with { Status = TaskOrderStatus.Accepted }),
        TaskOrderStatus.Accepted or TaskOrderStatus.DelayRequested => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "签收", "accept"),
    };
}
