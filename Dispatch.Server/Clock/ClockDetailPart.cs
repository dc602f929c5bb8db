using Dispatch.Server.Incidents;

namespace Dispatch.Server.Clock;

/// <summary>The incident's response clocks (1-3-5), in its detail.</summary>
public sealed class ClockDetailPart(ClockStore store) : IIncidentDetailPart
{
    public async Task<IncidentDetail> AddToAsync(IncidentDetail detail, CancellationToken cancellationToken) =>
        detail with { Clocks = (await store.ForIncidentAsync(detail.Incident.Id, cancellationToken)).Select(c => c.ToView()).ToList() };
}
