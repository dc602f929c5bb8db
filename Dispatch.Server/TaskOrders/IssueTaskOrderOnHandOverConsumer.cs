using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.TaskOrders.UseCases;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

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
        if (IssueTaskOrder.OrganisationFor(closed.Organisation, incident) is not { } organisation)
        {
            logger.LogWarning("Incident {IncidentId} was handed over to no organisation: no task order issued", closed.IncidentId);
            return;
        }

        var instructions = string.IsNullOrWhiteSpace(closed.Result) ? incident.Description : closed.Result;
        await issuer.IssueAsync(incident, TaskOrderSource.HandOver, organisation, instructions, null, closed.At, closed.Actor, null, context, context.CancellationToken);
    }
}
