using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

/// <summary>
/// Starts an incident's clocks from its category's policy; idempotent. Routing starts them in the incident's own
/// transaction (<see cref="Decide"/>, then <see cref="InTransaction"/>); <see cref="StartAsync"/> is for an
/// incident stored without them.
/// </summary>
public sealed class ClockStarter(ClockStore store, IResponsePolicies policies, TimeProvider clock, IOptions<ClockOptions> options)
{
    /// <summary>The policy of the incident's category, or null for the 1-3-5 default.</summary>
    public ResponsePolicy? PolicyOf(IncidentSummary incident) => policies.ResponseOf(incident.CategoryCode);

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
