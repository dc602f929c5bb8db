using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>
/// Stops, starts and cancels clocks as units move, reinforcements are requested, incidents are handed to 119/120/应急
/// and close. Each change
/// is a conditional update: when a sweep changed the row first, the clocks are read again and the rules re-run.
/// </summary>
public sealed class ApplyClockRulesConsumer(
    ClockStore store, ClockStarter starter, IncidentStore incidents, TimeProvider clock, IOptions<ClockOptions> options, DispatchMetrics metrics,
    ILogger<ApplyClockRulesConsumer> logger)
    : IConsumer<AssignmentChanged>, IConsumer<ReinforcementRequested>, IConsumer<IncidentClosed>, IConsumer<IncidentLinked>
{
    private const int Attempts = 3;

    public Task Consume(ConsumeContext<AssignmentChanged> context) =>
        ApplyAsync(context, context.Message.IncidentId, context.Message.Actor, (clocks, _, now) => ClockRules.Apply(clocks, context.Message, now));

    public Task Consume(ConsumeContext<ReinforcementRequested> context) =>
        ApplyAsync(context, context.Message.IncidentId, context.Message.Actor, (clocks, incident, now) =>
            incident.Status == IncidentStatus.Closed
                ? []
                : ClockRules.Apply(clocks, context.Message, incident.ReceivedAt, starter.PolicyOf(incident), options.Value.WarnFraction, now));

    public Task Consume(ConsumeContext<IncidentClosed> context) =>
        ApplyAsync(context, context.Message.IncidentId, context.Message.Actor, (clocks, _, now) => ClockRules.Apply(clocks, context.Message, now));

    public Task Consume(ConsumeContext<IncidentLinked> context) =>
        ApplyAsync(context, context.Message.IncidentId, context.Message.Actor, (clocks, _, now) => ClockRules.Apply(clocks, context.Message, now));

    private async Task ApplyAsync(
        ConsumeContext context, Guid incidentId, string actor, Func<IReadOnlyList<IncidentClock>, IncidentSummary, DateTimeOffset, IReadOnlyList<ClockChange>> decide)
    {
        var cancellationToken = context.CancellationToken;
        var incident = await incidents.GetAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            logger.LogWarning("Clock event for unknown incident {IncidentId} ignored", incidentId);
            return;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var clocks = await store.ForIncidentAsync(incidentId, cancellationToken);
            if (clocks.Count == 0)
            {
                // Clocks start with their incident; one stored by an earlier version may still lack them (they
                // were started from IncidentOpened on another queue): start them here, then apply.
                await starter.StartAsync(incident, cancellationToken);
                clocks = await store.ForIncidentAsync(incidentId, cancellationToken);
            }

            var now = clock.GetUtcNow();
            var conflicted = false;
            foreach (var change in decide(clocks, incident, now))
            {
                if (!await store.ApplyAsync(change, actor, cancellationToken))
                {
                    conflicted = true;
                    continue;
                }

                if (change.Action == ClockActions.Met)
                {
                    metrics.ClockMet(change.After.Kind.ToString());
                }

                await context.Publish(new ClockUpdated(change.After.ToView(), Change(change.Action)), cancellationToken);
            }

            if (!conflicted)
            {
                return;
            }
        }

        logger.LogWarning("Clocks of incident {IncidentId} kept changing under {Attempts} attempts; the event is left to redelivery", incidentId, Attempts);
        throw new InvalidOperationException($"Clocks of incident {incidentId} changed concurrently {Attempts} times.");
    }

    private static string Change(string action) => action["clock.".Length..];
}
