using Dispatch.Contracts;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>A step someone asks for on a task order; each step's file holds its parsing and its rule.</summary>
public abstract record TaskOrderCommand(string Action)
{
    /// <summary>The step's rule over the order as it stands: pure.</summary>
    public abstract Transition Apply(TaskOrder order, DateTimeOffset now, WorkingCalendar calendar);

    /// <summary>What the step writes in the history's reason column; by default the reason it set, if it set one.</summary>
    public virtual string? HistoryNote(TaskOrder before, TaskOrder after) => after.Reason == before.Reason ? null : after.Reason;
}

/// <summary>Reads one step's fields from its body, collecting what is wrong with them.</summary>
public sealed class StepFields(TaskOrderRequest body, OrganisationSnapshot organisations)
{
    public const int MaxReasonLength = 500;
    public const int MaxTextLength = 4000;

    public TaskOrderRequest Body { get; } = body;

    public OrganisationSnapshot Organisations { get; } = organisations;

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>Required text, trimmed, of at most <paramref name="max"/> characters and no control characters but line breaks and tabs.</summary>
    public string? Text(string? text, string field, int max) => Text(text, field, max, Errors);

    public static string? Text(string? text, string field, int max, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > max || trimmed.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            errors[field] = [$"{field} is required, at most {max} characters of text: it is kept in the task order's history."];
            return null;
        }

        return trimmed;
    }

    public string? Reason() => Text(Body.Reason, "reason", MaxReasonLength);
}

/// <summary>Why a step was not taken; no HTTP status: the endpoint maps each.</summary>
public abstract record StepRefusal
{
    /// <summary>No such order, or one the user may not see.</summary>
    public sealed record NotFound : StepRefusal;

    /// <summary>A department handler acting on another organisation's order.</summary>
    public sealed record NotYours(OrganisationRef Organisation, string Action) : StepRefusal;

    /// <summary>The step is not possible in the order's state, or someone changed the order meanwhile.</summary>
    public sealed record NotNow(string Why, TaskOrderView Current) : StepRefusal;
}

/// <summary>A step's outcome: the order after it, or why not.</summary>
public sealed record StepOutcome(TaskOrderView? Order, StepRefusal? Refusal)
{
    public static StepOutcome Done(TaskOrderView order) => new(order, null);

    public static StepOutcome Refused(StepRefusal refusal) => new(null, refusal);
}

/// <summary>The decisions every step shares: pure.</summary>
public static class TaskOrderStep
{
    /// <summary>
    /// Who may act, then the step's rule. A handler may act only on their organisation's orders, checked before
    /// visibility (which would make it a 404); anyone else must see the order.
    /// </summary>
    public static (Transition? Transition, StepRefusal? Refusal) Decide(
        AccessScope scope, TaskOrder order, TaskOrderCommand command, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (scope.Role == Roles.DepartmentHandler && !scope.IsOrganisation(order.Organisation.Code))
        {
            return (null, new StepRefusal.NotYours(order.Organisation, command.Action));
        }

        if (!TaskOrderVisibility.CanSee(scope, order))
        {
            return (null, new StepRefusal.NotFound());
        }

        var transition = command.Apply(order, now, calendar);
        return transition.After is null ? (null, new StepRefusal.NotNow(transition.Refused!, order.ToView(now, calendar))) : (transition, null);
    }

    /// <summary>The history line of a step that changed the order.</summary>
    public static TaskOrderEvent HistoryLine(TaskOrder before, TaskOrder after, TaskOrderCommand command, DateTimeOffset now, string actor, string? role) => new(
        after.Id, now, command.Action, actor, role, after.Organisation.Code,
        before.Organisation.Code == after.Organisation.Code ? null : before.Organisation.Code,
        before.Status, after.Status, after.DueAt, before.DueAt == after.DueAt ? null : before.DueAt,
        command.HistoryNote(before, after), after.Rating, command is CompleteTaskOrder ? after.CompletedOnTime : null);
}
