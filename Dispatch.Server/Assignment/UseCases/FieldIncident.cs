using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>Loads what <see cref="FieldAccess"/> decides incident actions open to the field on.</summary>
public static class FieldIncident
{
    /// <summary>
    /// A responder's incident is read by its id, with its assignments to find theirs; a reader's through its intake
    /// reference (an alert that joined another incident leads to that one), as <c>GET /api/incidents/{id}</c> does.
    /// </summary>
    public static async Task<(IncidentSummary? Incident, IReadOnlyList<AssignmentSummary> Assignments)> LoadAsync(
        Guid incidentId, AccessScope scope, IncidentStore incidents, AssignmentStore assignments, CancellationToken cancellationToken)
    {
        if (!FieldAccess.IsResponder(scope))
        {
            return (await incidents.ResolveReferenceAsync(incidentId, cancellationToken), []);
        }

        var here = await assignments.ForIncidentAsync(incidentId, cancellationToken);
        return here.Any(a => scope.IsOrganisation(a.UnitCode)) ? (await incidents.GetAsync(incidentId, cancellationToken), here) : (null, here);
    }
}
