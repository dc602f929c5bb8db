using Dispatch.Contracts;

namespace Dispatch.Server.Incidents;

/// <summary>
/// Who takes an incident's follow-up work (a hand-over, a task order): the organisation named, else the one the
/// incident is routed to as responsible; null when there is neither. Pure, and the one place this rule lives.
/// </summary>
public static class FollowUpOrganisation
{
    public static OrganisationRef? Of(IncidentSummary incident, OrganisationRef? given) => given ?? incident.Routing?.Organisation;
}
