using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>返工 {reason} after 不满意: back to the same organisation with a fresh due time from now.</summary>
public sealed record ReopenTaskOrder(string Reason) : TaskOrderCommand(TaskOrderActions.Reopened)
{
    public static TaskOrderCommand? Parse(StepFields fields) => fields.Reason() is { } reason ? new ReopenTaskOrder(reason) : null;

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order switch
    {
        { Status: TaskOrderStatus.Evaluated, Rating: CitizenRating.Dissatisfied } => Transition.Change(order with
        {
            Status = TaskOrderStatus.Reopened,
            AssignedAt = now,
            DueAt = calendar.DueAt(now, order.WorkingDays).Due,
            Reason = Reason,
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
        _ => Transition.RefuseInState(order, "返工（须先回访评价为不满意）", "reopen (it must be evaluated dissatisfied first)"),
    };
}
