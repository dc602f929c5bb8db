using Dispatch.Server.Incidents;

namespace Dispatch.Server.Assignment;

/// <summary>The incident's assignments and its hand-offs to 119/120/应急, in its detail.</summary>
public sealed class AssignmentDetailPart(AssignmentStore assignments, LinkageStore linkages) : IIncidentDetailPart
{
    public async Task<IncidentDetail> AddToAsync(IncidentDetail detail, CancellationToken cancellationToken) => detail with
    {
        Assignments = await assignments.ForIncidentAsync(detail.Incident.Id, cancellationToken),
        Linkages = await linkages.ForIncidentAsync(detail.Incident.Id, cancellationToken),
    };
}
