using Dispatch.Contracts;
using Dispatch.Server.Audit;
using MassTransit;

namespace Dispatch.Server.TaskOrders;

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
