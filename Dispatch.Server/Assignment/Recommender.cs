using Dispatch.Contracts;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Assignment;

/// <summary>The nearest available units of an incident's responsible organisation.</summary>
public sealed class Recommender(UnitStore units, AssignmentStore assignments, IOptions<UnitOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Ranks the responsible organisation's Available units by ETA, leaving out units that already declined this
    /// incident (they would otherwise come straight back). Null with the reason when the incident has no
    /// organisation or no location yet.
    /// </summary>
    public async Task<(IReadOnlyList<RecommendedUnit>? Units, string? Why)> ForAsync(IncidentSummary incident, int limit, CancellationToken cancellationToken)
    {
        if (incident.Routing?.Organisation?.Code is not { } organisation)
        {
            return (null, "事件尚无责任单位，请先分流 / the incident has no responsible organisation yet: route it first");
        }

        if (incident.Location is not { } location)
        {
            return (null, "事件无位置，无法推荐 / the incident has no location to rank units by");
        }

        var declined = (await assignments.ForIncidentAsync(incident.Id, cancellationToken))
            .Where(a => a.State == AssignmentState.Declined).Select(a => a.UnitCode).ToHashSet(StringComparer.Ordinal);
        var candidates = await units.ListAsync(organisation, null, cancellationToken);
        var ranked = UnitRanking.Rank(location, candidates.Select(u => u.Unit), clock.GetUtcNow(), options.Value, limit,
            u => UnitRanking.IsAvailable(u) && !declined.Contains(u.Code));
        return (ranked.Select(r => new RecommendedUnit(r.Unit, Math.Round(r.DistanceMetres, 1), Math.Round(r.Eta.TotalSeconds), r.Stale)).ToList(), null);
    }
}
