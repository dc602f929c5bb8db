using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Incidents;
using MassTransit;

namespace Dispatch.Server.Clock;

/// <summary>
/// Escalates a breach once (a durable queue shared by the nodes, unlike the screen pushes): finds the next unit to
/// offer, writes <c>clock.escalated</c> to the audit log and publishes <see cref="ClockEscalated"/>, which every
/// node pushes as an alarm to operators and supervisors watching the incident.
/// </summary>
public sealed class ClockEscalationConsumer(
    IncidentStore incidents, ClockStore clocks, Recommender recommender, TimeProvider clock, ILogger<ClockEscalationConsumer> logger)
    : IConsumer<ClockBreached>
{
    public async Task Consume(ConsumeContext<ClockBreached> context)
    {
        var breach = context.Message;
        var cancellationToken = context.CancellationToken;
        var incident = await incidents.GetAsync(breach.IncidentId, cancellationToken);
        var breached = (await clocks.ForIncidentAsync(breach.IncidentId, cancellationToken)).FirstOrDefault(c => c.Kind == breach.Kind);
        if (incident is null || breached is null)
        {
            logger.LogWarning("Breach of clock {ClockKind} for unknown incident {IncidentId} not escalated", breach.Kind, breach.IncidentId);
            return;
        }

        var now = clock.GetUtcNow();
        // The same recommendation an operator sees: the nearest Available unit of the organisation that has not declined.
        var next = (await recommender.ForAsync(incident, 1, cancellationToken)).Units is [var best, ..] ? best : null;
        var escalated = new ClockEscalated(incident, breached.ToView(), next, now);
        await clocks.RecordEscalationAsync(escalated, cancellationToken);
        logger.LogWarning("Breach of clock {ClockKind} of incident {IncidentId} escalated; next unit offered {UnitCode}", breach.Kind, incident.Id, next?.Unit.Code);
        await context.Publish(escalated, cancellationToken);
    }
}
