using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>The citizen's answer from the return call on a completed order {rating: 满意|基本满意|不满意, comment?}.</summary>
public sealed record EvaluateTaskOrder(CitizenRating Rating, string? Comment) : TaskOrderCommand(TaskOrderActions.Evaluated)
{
    public static TaskOrderCommand? Parse(StepFields fields)
    {
        var comment = fields.Body.Comment is null ? null : fields.Text(fields.Body.Comment, "comment", StepFields.MaxReasonLength);
        if (ParseRating(fields.Body.Rating) is not { } rating)
        {
            fields.Errors["rating"] = ["rating is required: Satisfied (满意), BasicallySatisfied (基本满意) or Dissatisfied (不满意)."];
            return null;
        }

        return fields.Errors.Count > 0 ? null : new EvaluateTaskOrder(rating, comment);
    }

    /// <summary>A rating as the return call records it: in Chinese, or the enum's name.</summary>
    public static CitizenRating? ParseRating(string? text) => text?.Trim() switch
    {
        "满意" => CitizenRating.Satisfied,
        "基本满意" => CitizenRating.BasicallySatisfied,
        "不满意" => CitizenRating.Dissatisfied,
        { } name when StrictEnum.TryParse<CitizenRating>(name, out var rating) => rating,
        _ => null,
    };

    public override Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar) => order.Status switch
    {
        TaskOrderStatus.Completed => Transition.Change(order with { Status = TaskOrderStatus.Evaluated, Rating = Rating, RatingComment = Comment, EvaluatedAt = now }),
        TaskOrderStatus.Evaluated when order.Rating == Rating => Transition.Unchanged(order),
        _ => Transition.RefuseInState(order, "回访评价（须先办结）", "evaluate (complete it first)"),
    };

    /// <summary>The history keeps the citizen's comment.</summary>
    public override string? HistoryNote(TaskOrder before, TaskOrder after) => Comment;
}
