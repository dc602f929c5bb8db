namespace Dispatch.Server.Incidents;

/// <summary>
/// What another stage holds about one incident, added to its detail (<c>GET /api/incidents/{id}</c>): the clock
/// stage its response clocks, assignment its assignments and hand-offs. Incidents asks through this, so the stages
/// that work on incidents depend on Incidents and not the other way round.
/// </summary>
public interface IIncidentDetailPart
{
    Task<IncidentDetail> AddToAsync(IncidentDetail detail, CancellationToken cancellationToken);
}
