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
            await bus.Publish(new TaskOrderChanged(stored.ToView(at), TaskOrderActions.Issued), cancellationToken);
        }

        return (created, stored);
    }
}

/// <summary>An incident handed over to a department (<see cref="IncidentClosed.HandedOver"/>) gets its task order.</summary>
public sealed class IssueTaskOrderOnHandOverConsumer(IncidentStore incidents, TaskOrderIssuer issuer, ILogger<IssueTaskOrderOnHandOverConsumer> logger)
    : IConsumer<IncidentClosed>
{
    public async Task Consume(ConsumeContext<IncidentClosed> context)
    {
        var closed = context.Message;
        if (!closed.HandedOver)
        {
            return;
        }

        var incident = await incidents.GetAsync(closed.IncidentId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Incident {closed.IncidentId} was handed over but is not stored.");
        if ((closed.Organisation ?? incident.Routing?.Organisation) is not { } organisation)
        {
            logger.LogWarning("Incident {IncidentId} was handed over to no organisation: no task order issued", closed.IncidentId);
            return;
        }

        var instructions = string.IsNullOrWhiteSpace(closed.Result) ? incident.Description : closed.Result;
        await issuer.IssueAsync(incident, TaskOrderSource.HandOver, organisation, instructions, null, closed.At, closed.Actor, null, context, context.CancellationToken);
    }
}

/// <summary>A complex grid event (难事) routed to an organisation gets a task order as soon as it is opened.</summary>
public sealed class IssueTaskOrderForComplexGridEventConsumer(TaskOrderIssuer issuer) : IConsumer<IncidentOpened>
{
    public async Task Consume(ConsumeContext<IncidentOpened> context)
    {
        var incident = context.Message.Incident;
        if (!TaskOrderIssue.CallsForTaskOrder(incident))
        {
            return;
        }

        await issuer.IssueAsync(incident, TaskOrderSource.ComplexGridEvent, incident.Routing!.Organisation!, incident.Description, null,
            incident.OpenedAt, AuditNames.SystemActor, null, context, context.CancellationToken);
    }
}
