using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Metrics;
using Dispatch.Server.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>
/// Starts an incident's clocks from its category's policy; idempotent. Routing starts them in the incident's own
/// transaction (<see cref="Decide"/>, then <see cref="InTransaction"/>); <see cref="StartAsync"/> is for an
/// incident stored without them.
/// </summary>
public sealed class ClockStarter(ClockStore store, CategoryCatalogue catalogue, TimeProvider clock, IOptions<ClockOptions> options)
{
    /// <summary>The policy of the incident's category, or null for the 1-3-5 default.</summary>
    public ResponsePolicy? PolicyOf(IncidentSummary incident) => catalogue.Find(incident.CategoryCode)?.Response;

    /// <summary>The clocks a newly opened incident starts with, counting from T0 (its receipt), triage time included.</summary>
    public IReadOnlyList<IncidentClock> Decide(IncidentSummary incident, DateTimeOffset now) =>
        ClockPolicy.Start(incident, PolicyOf(incident), options.Value.WarnFraction, now);

    /// <summary>Stores <paramref name="clocks"/> and their audit entry in the transaction that opens their incident.</summary>
    public AlsoInTransaction InTransaction(IReadOnlyList<IncidentClock> clocks, DateTimeOffset now) =>
        (connection, tx, cancellationToken) => store.StartAsync(connection, tx, clocks, now, cancellationToken);

    /// <summary>The incident's clocks as they stand now (to announce an incident again).</summary>
    public async Task<IReadOnlyList<ClockView>> ViewsAsync(Guid incidentId, CancellationToken cancellationToken) =>
        (await store.ForIncidentAsync(incidentId, cancellationToken)).Select(c => c.ToView()).ToList();

    /// <summary>The clocks it started; empty when the incident had them already.</summary>
    public async Task<IReadOnlyList<IncidentClock>> StartAsync(IncidentSummary incident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clocks = Decide(incident, now);
        return await store.StartAsync(clocks, now, cancellationToken) ? clocks : [];
    }
}

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
