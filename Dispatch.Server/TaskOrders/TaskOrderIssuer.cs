using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Routing;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

/// <summary>
/// Issues a task order for an incident, from whichever door it comes (hand-over, complex grid event, an
/// operator): due time from the category's working days on the current calendar, stored once per incident and
/// source, announced on the bus.
/// </summary>
public sealed class TaskOrderIssuer(TaskOrderStore store, CategoryCatalogue catalogue, CalendarProvider calendar, ILogger<TaskOrderIssuer> logger)
{
    public async Task<(bool Created, TaskOrder Order)> IssueAsync(
        IncidentSummary incident, TaskOrderSource source, OrganisationRef organisation, string instructions, int? workingDays,
        DateTimeOffset at, string actor, string? actorRole, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var days = workingDays ?? TaskOrderIssue.WorkingDaysFor(incident.CategoryCode, catalogue);
        var order = TaskOrderIssue.New(incident, source, organisation, instructions, days, at, actor, calendar.Current);
        var (created, stored) = await store.IssueAsync(order, new AuditEntry(at, actor, actorRole, "task-order." + TaskOrderActions.Issued,
            TaskOrderStore.AuditSubject, IncidentStore.IdText(order.Id), null, AuditJson.Serialize(order)), cancellationToken);
        if (created)
        {
            logger.LogInformation("Task order {TaskOrderId} issued to {OrganisationCode} for incident {IncidentId}, due {DueAt}",
                stored.Id, organisation.Code, incident.Id, stored.DueAt);
            await bus.Publish(new TaskOrderChanged(stored.ToView(at, calendar.Current), TaskOrderActions.Issued), cancellationToken);
        }

        return (created, stored);
    }
}
