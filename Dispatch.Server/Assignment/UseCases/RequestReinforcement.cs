using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>What a reinforcement request or a closing answers.</summary>
public sealed record IncidentActionAccepted(Guid IncidentId, string Action, DateTimeOffset At);

/// <summary>
/// Ask for reinforcement on an incident: load → decide (<see cref="Decide"/>) → audit → publish
/// <see cref="ReinforcementRequested"/>. The route and the demo's simulated responders both come through here.
/// </summary>
public sealed class RequestReinforcement(IncidentStore incidents, AssignmentStore assignments, IPublishEndpoint bus, TimeProvider clock)
{
    public const string Title = "请说明增援理由 / A reason is required";

    public async Task<Outcome<IncidentActionAccepted>> HandleAsync(Guid incidentId, string? reason, Acting acting, CancellationToken cancellationToken)
    {
        var (text, invalid) = FieldText.Required(reason, "reason", Title);
        if (invalid is not null)
        {
            return invalid;
        }

        var (incident, here) = await FieldIncident.LoadAsync(incidentId, acting.Scope, incidents, assignments, cancellationToken);
        if (Decide(incidentId, acting, incident, here) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        await assignments.AppendAuditAsync(new AuditEntry(now, acting.Actor.Name, acting.Actor.Role, AssignmentAudit.ReinforcementRequested, AuditNames.IncidentSubject,
            IncidentStore.IdText(incident!.Id), null, AuditJson.Serialize(new { Reason = text })), cancellationToken);
        await bus.Publish(new ReinforcementRequested(incident.Id, now, acting.Actor.Name, text), cancellationToken);
        return Outcome.Done(new IncidentActionAccepted(incident.Id, "reinforcement-requested", now));
    }

    /// <summary>
    /// Pure: responders ask from the scene (only a unit on scene at this incident may), operators within their areas;
    /// never on a closed incident.
    /// </summary>
    public static Refusal? Decide(Guid incidentId, Acting acting, IncidentSummary? incident, IReadOnlyList<AssignmentSummary> incidentAssignments)
    {
        if (!FieldAccess.MayActOn(acting.Scope, incident, incidentAssignments, FieldAccess.OnScene))
        {
            return Refusal.NotFound($"Incident {incidentId}");
        }

        return incident!.Status == IncidentStatus.Closed
            ? Refusal.Conflict("事件已结束 / The incident is closed", $"Incident {incidentId} is closed.",
                new Dictionary<string, object?> { ["status"] = incident.Status.ToString() })
            : null;
    }
}
