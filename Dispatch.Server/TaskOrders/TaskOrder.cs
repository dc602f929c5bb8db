using Dispatch.Contracts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders;

/// <summary>A supervisor's answer to the last delay request.</summary>
public enum DelayDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A task order as stored: the plain data <see cref="TaskOrderTransitions"/> decides over. The areas are copied
/// from the incident at issue, so scopes and assessment need no join. <see cref="CategoryName"/> and
/// <see cref="Address"/> are the incident's as it stands, read with the order (so a desk shows what the work is about).
/// </summary>
public sealed record TaskOrder(
    Guid Id,
    Guid IncidentId,
    TaskOrderSource Source,
    OrganisationRef Organisation,
    TaskOrderStatus Status,
    string Instructions,
    string? CategoryCode,
    int WorkingDays,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? RemindedAt = null,
    DateTimeOffset? OverdueAt = null,
    string? Result = null,
    DateTimeOffset? CompletedAt = null,
    bool? CompletedOnTime = null,
    CitizenRating? Rating = null,
    string? RatingComment = null,
    DateTimeOffset? EvaluatedAt = null,
    DateTimeOffset? ClosedAt = null,
    string? Reason = null,
    DateTimeOffset? RequestedDueAt = null,
    DelayDecision? Delay = null,
    string? DistrictCode = null,
    string? StreetCode = null,
    string? StreetName = null,
    string? CommunityCode = null,
    string? CommunityName = null,
    IReadOnlyList<string>? SharedAreaCodes = null,
    string? CategoryName = null,
    string? Address = null)
{
    /// <summary>States in which the organisation holds the work and its deadline runs.</summary>
    public static readonly IReadOnlySet<TaskOrderStatus> Running = new HashSet<TaskOrderStatus>
    {
        TaskOrderStatus.Issued, TaskOrderStatus.Accepted, TaskOrderStatus.DelayRequested, TaskOrderStatus.Reopened,
    };

    public bool IsRunning => Running.Contains(Status);

    /// <summary>
    /// The reminder instant: 00:00 Asia/Shanghai of the due day. From then on the organisation has its last
    /// working day (the due day always is one), so "one working day left" is exactly that day.
    /// </summary>
    public DateTimeOffset RemindAt => RemindAtFor(DueAt);

    public static DateTimeOffset RemindAtFor(DateTimeOffset due)
    {
        var local = due.ToOffset(WorkingCalendar.ShanghaiOffset);
        return new DateTimeOffset(local.Date, WorkingCalendar.ShanghaiOffset);
    }

    public bool IsOverdueAt(DateTimeOffset now) => IsRunning && now > DueAt;

    /// <summary>
    /// The order as pages show it at <paramref name="now"/>, with its due state (<see cref="TaskOrderDue"/>) counted on
    /// <paramref name="calendar"/>; without a calendar (tests that read other fields) the due state is left out.
    /// </summary>
    public TaskOrderView ToView(DateTimeOffset now, WorkingCalendar? calendar = null)
    {
        var due = calendar is null ? null : TaskOrderDue.Of(this, now, calendar);
        return new(
            Id, IncidentId, Source, Organisation, Status, Instructions, CategoryCode, WorkingDays, IssuedAt, AssignedAt, DueAt, RemindAt,
            RemindedAt, OverdueAt, Result, CompletedAt, CompletedOnTime, Rating, Reason, RequestedDueAt, DistrictCode, StreetCode, CommunityCode, IsOverdueAt(now),
            SharedAreaCodes, CategoryName, Address, due?.State, due?.WorkingDaysLeft);
    }

    /// <summary>Where the order lies and whose it is, for <see cref="Security.Visibility"/>.</summary>
    public Security.RecordPlace Place => Security.RecordPlace.OfTaskOrder(DistrictCode, StreetCode, CommunityCode, SharedAreaCodes, Organisation.Code);
}

/// <summary>
/// One line of a task order's history (<c>task_order_events</c>): every step, reminder and overdue, with the
/// organisation it concerned, so assessment counts per organisation even after a reassignment.
/// </summary>
public sealed record TaskOrderEvent(
    Guid TaskOrderId,
    DateTimeOffset At,
    string Action,
    string Actor,
    string? ActorRole,
    string OrganisationCode,
    string? PreviousOrganisationCode,
    TaskOrderStatus? FromStatus,
    TaskOrderStatus ToStatus,
    DateTimeOffset DueAt,
    DateTimeOffset? PreviousDueAt,
    string? Reason,
    CitizenRating? Rating,
    bool? OnTime);

/// <summary>Action names of the history, as stored and pushed.</summary>
public static class TaskOrderActions
{
    public const string Issued = "issued";
    public const string Accepted = "accepted";
    public const string Completed = "completed";
    public const string Returned = "returned";
    public const string Reassigned = "reassigned";
    public const string DelayRequested = "delay-requested";
    public const string DelayApproved = "delay-approved";
    public const string DelayRejected = "delay-rejected";
    public const string Evaluated = "evaluated";
    public const string Reopened = "reopened";
    public const string Closed = "closed";
    public const string Reminder = "reminder";
    public const string Overdue = "overdue";
}
