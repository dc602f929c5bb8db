using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;

namespace Dispatch.Server.Clock;

/// <summary>The breached response clocks (respond, arrive, reinforce) for the audit stage's breach list.</summary>
public sealed class ClockBreachSource(ClockStore clocks, IncidentStore incidents) : IBreachSource
{
    public IReadOnlyList<string> Kinds { get; } = Enum.GetValues<ClockKind>().Select(KindName).ToList();

    public async Task<IReadOnlyList<Breach>> ListAsync(BreachQuery query, CancellationToken cancellationToken)
    {
        var scope = AccessScope.Of(query.User);
        var rows = (await clocks.BreachedAsync(query.From, query.To, cancellationToken))
            .Where(c => query.Kind is null || KindName(c.Kind) == query.Kind).ToList();
        var byId = rows.Count == 0 ? [] : (await incidents.WithBreachedClocksAsync(query.From, query.To, cancellationToken)).ToDictionary(i => i.Id);
        var breaches = new List<Breach>(rows.Count);
        foreach (var row in rows)
        {
            var incident = byId.GetValueOrDefault(row.IncidentId);
            if (incident is null ? scope.All : scope.CanSee(incident))
            {
                breaches.Add(ForClock(row, incident, query.Now));
            }
        }

        return breaches;
    }

    public static string KindName(ClockKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A breached clock is late until it was met, or until now while it is not.</summary>
    public static Breach ForClock(IncidentClock clock, IncidentSummary? incident, DateTimeOffset now) => new(
        clock.IncidentId, KindName(clock.Kind), null, clock.DueAt, clock.BreachedAt ?? clock.DueAt,
        Math.Max(0, ((clock.MetAt ?? now) - clock.DueAt).TotalSeconds),
        incident?.Routing?.Organisation?.Code, incident?.Jurisdiction?.Street?.Code, incident?.Jurisdiction?.Community?.Code,
        IncidentRoutes.Timeline(clock.IncidentId), incident?.CategoryName, incident?.Address);
}
