using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>
/// THE SEAM FOR UNIT AVAILABILITY: which units may be offered when a clock breaches. Until units carry a status
/// (the dispatch work, migration 0010), <see cref="EveryUnitCountsAsAvailable"/> offers any unit of the
/// organisation; dispatch replaces it by registering its own implementation (registered with TryAdd here).
/// </summary>
public interface IUnitAvailability
{
    /// <summary>A filter for the units that could still be sent to <paramref name="incidentId"/> (free, not already on it).</summary>
    Task<Func<UnitSummary, bool>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken);
}

/// <summary>Every unit counts as available: the stand-in until unit statuses exist.</summary>
public sealed class EveryUnitCountsAsAvailable : IUnitAvailability
{
    public Task<Func<UnitSummary, bool>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        Task.FromResult(UnitRanking.EveryUnitAvailable);
}

/// <summary>The unit to offer on a breach. Pure.</summary>
public static class NextUnit
{
    /// <summary>The best-ranked available unit of the incident's organisation, or null without an organisation, a location or a candidate.</summary>
    public static RecommendedUnit? For(
        IncidentSummary incident, IEnumerable<UnitSummary> units, Func<UnitSummary, bool> isAvailable, DateTimeOffset now, UnitOptions options)
    {
        var organisation = incident.Routing?.Organisation?.Code;
        if (organisation is null || incident.Location is null)
        {
            return null;
        }

        var ranked = UnitRanking.Rank(incident.Location, units.Where(u => u.Organisation == organisation), now, options, 1, isAvailable);
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];
        return new RecommendedUnit(best.Unit.Code, best.Unit.Name, best.Unit.Kind, Math.Round(best.DistanceMetres, 1), Math.Round(best.Eta.TotalSeconds), best.Stale);
    }
}

/// <summary>
/// Escalates a breach once (a durable queue shared by the nodes, unlike the screen pushes): finds the next unit to
/// offer, writes <c>clock.escalated</c> to the audit log and publishes <see cref="ClockEscalated"/>, which every
/// node pushes as an alarm to operators and supervisors watching the incident.
/// </summary>
public sealed class ClockEscalationConsumer(
    IncidentStore incidents, ClockStore clocks, UnitStore units, IUnitAvailability availability, IOptions<UnitOptions> unitOptions,
    TimeProvider clock, ILogger<ClockEscalationConsumer> logger) : IConsumer<ClockBreached>
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
        var organisation = incident.Routing?.Organisation?.Code;
        var candidates = organisation is null ? [] : (await units.ListAsync(organisation, null, cancellationToken)).Select(u => u.Unit);
        var next = NextUnit.For(incident, candidates, await availability.ForIncidentAsync(incident.Id, cancellationToken), now, unitOptions.Value);
        var escalated = new ClockEscalated(incident, breached.ToView(), next, now);
        await clocks.RecordEscalationAsync(escalated, cancellationToken);
        logger.LogWarning("Breach of clock {ClockKind} of incident {IncidentId} escalated; next unit offered {UnitCode}", breach.Kind, incident.Id, next?.Code);
        await context.Publish(escalated, cancellationToken);
    }
}
