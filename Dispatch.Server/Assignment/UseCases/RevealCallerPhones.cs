using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>One caller's full number, to call back.</summary>
public sealed record CallerPhone(string AlertId, DateTimeOffset ReceivedAt, string Phone);

/// <summary>What <c>GET /api/incidents/{id}/caller-phones</c> answers.</summary>
public sealed record CallerPhones(Guid IncidentId, IReadOnlyList<CallerPhone> Phones);

/// <summary>
/// The callers' full numbers of an incident, for those who call back: the operators of its area and the primary
/// responder while their assignment is open. Every read is audited (who, when, which incident) on the incident's
/// timeline; everyone else sees only masked numbers (<see cref="PhoneMask"/>).
/// </summary>
public sealed class RevealCallerPhones(IncidentStore incidents, AssignmentStore assignments, TimeProvider clock)
{
    public async Task<Outcome<CallerPhones>> HandleAsync(Guid incidentId, Acting acting, CancellationToken cancellationToken)
    {
        var (incident, here) = await FieldIncident.LoadAsync(incidentId, acting.Scope, incidents, assignments, cancellationToken);
        if (Decide(incidentId, acting, incident, here) is { } refusal)
        {
            return refusal;
        }

        var phones = (await incidents.AlertsOfAsync(incident!.Id, cancellationToken))
            .Where(a => !string.IsNullOrWhiteSpace(a.CallerPhone))
            .Select(a => new CallerPhone(a.AlertId, a.ReceivedAt, a.CallerPhone!.Trim()))
            .ToList();
        await assignments.AppendAuditAsync(new AuditEntry(clock.GetUtcNow(), acting.Actor.Name, acting.Actor.Role, AssignmentAudit.CallerPhonesRead,
            AuditNames.IncidentSubject, IncidentStore.IdText(incident.Id), null, AuditJson.Serialize(new { Alerts = phones.Select(p => p.AlertId) })), cancellationToken);
        return Outcome.Done(new CallerPhones(incident.Id, phones));
    }

    /// <summary>Pure: an operator who may read the incident, or a responder whose unit is its open primary unit.</summary>
    public static Refusal? Decide(Guid incidentId, Acting acting, IncidentSummary? incident, IReadOnlyList<AssignmentSummary> incidentAssignments)
    {
        var allowed = acting.Scope.Role switch
        {
            Roles.Operator => FieldAccess.MayRead(acting.Scope, incident),
            Roles.Responder => FieldAccess.MayActOn(acting.Scope, incident, incidentAssignments, FieldAccess.OpenPrimary),
            _ => false,
        };
        return allowed ? null : Refusal.NotFound($"Incident {incidentId}");
    }
}
