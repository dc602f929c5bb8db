using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>延期 {reason, newDueAt}: an accepted order's organisation asks a supervisor for a later due time.</summary>
public sealed record RequestDelay(string Reason, DateTimeOffset NewDueAt) : TaskOrderCommand(TaskOrderActions.DelayRequested)
{
    public static TaskOrderCommand? Parse(StepFields fields)
    {
        var reason = fields.Reason();
        if (!OffsetTime.TryParse(fields.Body.NewDueAt, out var due))
        {
            fields.Errors["newDueAt"] = ["newDueAt is required: the new due time with its offset, e.g. 2025-10-21T23:59:59+08:00."];
            return null;
        }

        return reason is null ? null : new RequestDelay(reason, due);
    }

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (order.Status == TaskOrderStatus.DelayRequested && order.RequestedDueAt == NewDueAt)
        {
            return Transition.Unchanged(order);
        }

        if (order.Status != TaskOrderStatus.Accepted)
        {
            return Transition.RefuseInState(order, "申请延期（须先签收）", "request a delay (accept it first)");
        }

        if (NewDueAt <= order.DueAt)
        {
            return Transition.Refuse("延期后的期限须晚于当前期限 / the new due time must be later than the current one");
        }

        return Transition.Change(order with { Status = TaskOrderStatus.DelayRequested, Reason = Reason, RequestedDueAt = NewDueAt, Delay = DelayDecision.Pending });
    }
}
