namespace Dispatch.Contracts;

/// <summary>Where a task order (任务单 / 交办单) stands.</summary>
public enum TaskOrderStatus
{
    /// <summary>Issued to an organisation, not yet signed for.</summary>
    Issued = 0,

    /// <summary>签收: the organisation has taken it.</summary>
    Accepted = 1,

    /// <summary>The organisation asked for more time (延期); a supervisor decides.</summary>
    DelayRequested = 2,

    /// <summary>办结: done, with a result.</summary>
    Completed = 3,

    /// <summary>The citizen's answer from the return call is recorded.</summary>
    Evaluated = 4,

    /// <summary>Finished for good.</summary>
    Closed = 5,

    /// <summary>退回: the organisation says it is not its business; the command room reroutes it.</summary>
    Returned = 6,

    /// <summary>返工: the citizen was dissatisfied; back to the organisation with a new due date.</summary>
    Reopened = 7,
}

/// <summary>Why a task order was issued; one task order per incident and source.</summary>
public enum TaskOrderSource
{
    /// <summary>The incident was closed as handed over (<see cref="IncidentClosed.HandedOver"/>).</summary>
    HandOver = 0,

    /// <summary>A complex grid event (难事) routed to an organisation.</summary>
    ComplexGridEvent = 1,

    /// <summary>Issued by an operator by hand.</summary>
    Manual = 2,
}

/// <summary>The citizen's evaluation from the return call (回访).</summary>
public enum CitizenRating
{
    /// <summary>满意.</summary>
    Satisfied = 0,

    /// <summary>基本满意.</summary>
    BasicallySatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,
}

/// <summary>How a running task order stands against its deadline, as every page shows it (decided once, on the server).</summary>
public enum TaskOrderDueState
{
    /// <summary>Before the due day.</summary>
    Ok = 0,

    /// <summary>The due day has begun (00:00 Asia/Shanghai, when the reminder is raised): its last working day.</summary>
    Soon = 1,

    /// <summary>Past the due time.</summary>
    Overdue = 2,
}

/// <summary>A task order as lists, screens and the desk hub show it.</summary>
/// <param name="Id">The task order.</param>
/// <param name="IncidentId">The incident it follows up.</param>
/// <param name="Source">Why it was issued.</param>
/// <param name="Organisation">The organisation that must do the work now.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Instructions">What the organisation must do.</param>
/// <param name="CategoryCode">The incident's category, whose working days set the due time.</param>
/// <param name="WorkingDays">Working days allowed (default 5).</param>
/// <param name="IssuedAt">When the command room issued it.</param>
/// <param name="AssignedAt">When the current organisation got it (issue, reassignment or reopening): its days count from here.</param>
/// <param name="DueAt">23:59:59 +08:00 of the last working day.</param>
/// <param name="RemindAt">00:00 +08:00 of the due day: one working day left.</param>
/// <param name="RemindedAt">When the reminder was raised, if it was.</param>
/// <param name="OverdueAt">When it was found overdue, if it was.</param>
/// <param name="Result">The result given on completion.</param>
/// <param name="CompletedAt">When it was completed.</param>
/// <param name="CompletedOnTime">Whether that completion was at or before the due time.</param>
/// <param name="Rating">The citizen's evaluation.</param>
/// <param name="Reason">The last reason given (return, delay, rejection, reopening, reassignment).</param>
/// <param name="RequestedDueAt">The due time a pending delay request asks for.</param>
/// <param name="DistrictCode">The incident's district, for supervisors' scope.</param>
/// <param name="StreetCode">The incident's street, for operators' scope and assessment.</param>
/// <param name="CommunityCode">The incident's community.</param>
/// <param name="Overdue">True when it is open past its due time now.</param>
/// <param name="SharedAreaCodes">The areas that share the edge the incident lies on (see <see cref="Jurisdiction.SharedWith"/>), or null.</param>
/// <param name="CategoryName">The incident's category name, so a list says what the work is about.</param>
/// <param name="Address">The incident's address as reported.</param>
/// <param name="DueState">How it stands against its deadline when the view was made; null when its deadline does not run
/// (returned, completed, evaluated, closed). It changes at the reminder and at the due time, each announced as a change.</param>
/// <param name="WorkingDaysLeft">Working days after today (Asia/Shanghai, on the holiday calendar) up to and including the
/// due day: 0 on the due day and after; null when its deadline does not run.</param>
public sealed record TaskOrderView(
    Guid Id,
    Guid IncidentId,
    TaskOrderSource Source,
    OrganisationRef Organisation,
    TaskOrderStatus Status,
    string Instructions,
    string? CategoryCode,
    int WorkingDays,
    DateTimeOffset IssuedAt,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt,
    DateTimeOffset RemindAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? OverdueAt,
    string? Result,
    DateTimeOffset? CompletedAt,
    bool? CompletedOnTime,
    CitizenRating? Rating,
    string? Reason,
    DateTimeOffset? RequestedDueAt,
    string? DistrictCode,
    string? StreetCode,
    string? CommunityCode,
    bool Overdue,
    IReadOnlyList<string>? SharedAreaCodes = null,
    string? CategoryName = null,
    string? Address = null,
    TaskOrderDueState? DueState = null,
    int? WorkingDaysLeft = null);

/// <summary>A task order changed (issued, a step, a reminder, overdue): desks and screens follow these.</summary>
/// <param name="Order">The task order after the change.</param>
/// <param name="Change">What happened: <c>issued</c>, <c>accepted</c>, … <c>reminder</c>, <c>overdue</c>.</param>
public sealed record TaskOrderChanged(TaskOrderView Order, string Change);

/// <summary>The desk hub's client (<c>/hubs/desk</c>): department handlers, operators and supervisors.</summary>
public interface IDeskClient
{
    /// <summary>A task order in the watcher's scope changed.</summary>
    Task TaskOrderChanged(TaskOrderView order, string change);
}
