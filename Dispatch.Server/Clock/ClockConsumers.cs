using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using Dispatch.Server.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>Starts an incident's clocks from its category's policy (load → decide → store → publish); idempotent.</summary>
public sealed class ClockStarter(ClockStore store, CategoryCatalogue catalogue, TimeProvider clock, IOptions<ClockOptions> options)
{
    /// <summary>The policy of the incident's category, or null for the 1-3-5 default.</summary>
    public ResponsePolicy? PolicyOf(IncidentSummary incident) => catalogue.Find(incident.CategoryCode)?.Response;

    /// <summary>The clocks it started; empty when the incident had them already.</summary>
    public async Task<IReadOnlyList<IncidentClock>> StartAsync(IncidentSummary incident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clocks = ClockPolicy.Start(incident, PolicyOf(incident), options.Value.WarnFraction, now);
        return await store.StartAsync(clocks, now, cancellationToken) ? clocks : [];
    }
}

/// <summary>Every incident gets its clocks when it is opened, counting from T0 (its receipt), triage time included.</summary>
public sealed class StartIncidentClocksConsumer(ClockStarter starter) : IConsumer<IncidentOpened>
{
    public async Task Consume(ConsumeContext<IncidentOpened> context)
    {
        foreach (var started in await starter.StartAsync(context.Message.Incident, context.CancellationToken))
        {
            await context.Publish(new ClockUpdated(started.ToView(), "started"), context.CancellationToken);
        }
    }
}

/// <summary>
/// Stops, starts and cancels clocks as units move, reinforcements are requested and incidents close. Each change
/// is a conditional update: when a sweep changed the row first, the clocks are read again and the rules re-run.
/// </summary>
public sealed class ApplyClockRulesConsumer(
    ClockStore store, ClockStarter starter, IncidentStore incidents, TimeProvider clock, IOptions<ClockOptions> options, DispatchMetrics metrics,
    ILogger<ApplyClockRulesConsumer> logger)
    : IConsumer<AssignmentChanged>, IConsumer<ReinforcementRequested>, IConsumer<IncidentClosed>
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
                // The event overtook IncidentOpened on another queue: start the clocks here, then apply.
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
