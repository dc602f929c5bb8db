using Dispatch.Server.Incidents;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The body of <c>POST /api/incidents/{id}/resolve</c>.</summary>
public sealed class ResolveRequest
{
    public string? Result { get; set; }
}

/// <summary>
/// Close an incident as settled on scene: load → decide (the primary responder on scene, or an operator within their
/// areas: <see cref="FieldAccess"/>) → close (<see cref="IncidentProgress.CloseAsync"/>) → publish.
/// </summary>
public sealed class ResolveIncident(IncidentStore incidents, AssignmentStore assignments, IncidentProgress progress, TimeProvider clock)
{
    public const string Title = "请填写处置结果 / The result is required";

    public async Task<Outcome<IncidentActionAccepted>> HandleAsync(Guid incidentId, string? result, Acting acting, CancellationToken cancellationToken)
    {
        var (text, invalid) = FieldText.Required(result, "result", Title);
        if (invalid is not null)
        {
            return invalid;
        }

        var (incident, here) = await FieldIncident.LoadAsync(incidentId, acting.Scope, incidents, assignments, cancellationToken);
        if (!FieldAccess.MayActOn(acting.Scope, incident, here, FieldAccess.PrimaryOnScene))
        {
            return Refusal.NotFound($"Incident {incidentId}");
        }

        return await progress.CloseAsync(incident!.Id, false, text!, null, acting.Actor, cancellationToken) is { } refusal
            ? refusal
            : Outcome.Done(new IncidentActionAccepted(incident.Id, "resolved", clock.GetUtcNow()));
    }
}
