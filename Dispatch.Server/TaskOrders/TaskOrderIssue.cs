using Dispatch.Contracts;
using Dispatch.Server.Routing;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Server.TaskOrders;

/// <summary>Pure: whether an incident event calls for a task order, and the order it would be.</summary>
public static class TaskOrderIssue
{
    /// <summary>Working days when the incident has no category (or the category none): the rule's default.</summary>
    public const int DefaultWorkingDays = 5;

    public static int WorkingDaysFor(string? categoryCode, CategoryCatalogue catalogue) =>
        catalogue.Find(categoryCode)?.TaskOrderWorkingDays is { } days and >= 1 ? days : DefaultWorkingDays;

    /// <summary>A complex grid event (难事) that routing gave to an organisation gets a task order; anything else none.</summary>
    public static bool CallsForTaskOrder(IncidentSummary incident) =>
        incident is { Source: IncidentSource.GridEvent, Tier: GridEventTier.Complex, Routing: { Outcome: RoutingOutcome.Routed, Organisation: not null } };

    /// <summary>A new task order, issued at <paramref name="at"/>, due at the end of its N-th working day after that day.</summary>
    public static TaskOrder New(
        IncidentSummary incident, TaskOrderSource source, OrganisationRef organisation, string instructions, int workingDays,
        DateTimeOffset at, string actor, WorkingCalendar calendar)
    {
        var where = incident.Jurisdiction;
        return new TaskOrder(
            Guid.NewGuid(), incident.Id, source, organisation, TaskOrderStatus.Issued, instructions, incident.CategoryCode, workingDays,
            at, actor, at, calendar.DueAt(at, workingDays).Due,
            DistrictCode: where?.District?.Code, StreetCode: where?.Street?.Code, StreetName: where?.Street?.Name,
            CommunityCode: where?.Community?.Code, CommunityName: where?.Community?.Name, SharedAreaCodes: where?.SharedWith,
            CategoryName: incident.CategoryName, Address: incident.Address);
    }
}
