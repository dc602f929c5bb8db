using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Incidents;

namespace Dispatch.Server.Clock;

/// <summary>The incident's response clocks (1-3-5), in its detail and on the responder's phone.</summary>
public sealed class ClockDetailPart(ClockStore store) : IIncidentDetailPart, IResponderClocks
{
    public async Task<IncidentDetail> AddToAsync(IncidentDetail detail, CancellationToken cancellationToken) =>
        detail with { Clocks = await ForIncidentAsync(detail.Incident.Id, cancellationToken) };

    public async Task<IReadOnlyList<ClockView>> ForIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        (await store.ForIncidentAsync(incidentId, cancellationToken)).Select(c => c.ToView()).ToList();
}
