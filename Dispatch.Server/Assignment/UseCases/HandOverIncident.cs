using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Organisations;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The body of <c>POST /api/incidents/{id}/hand-over</c>.</summary>
public sealed class HandOverRequest
{
    public string? Instructions { get; set; }
    public string? OrganisationCode { get; set; }
}

/// <summary>
/// Close an incident and hand its follow-up to an organisation (a task order follows from <see cref="IncidentClosed"/>):
/// parse → load → decide (who may act as for resolving; the organisation by <see cref="FollowUpOrganisation"/>) →
/// close → publish. The route and the demo feed both come through here.
/// </summary>
public sealed class HandOverIncident(
    IncidentStore incidents, AssignmentStore assignments, OrganisationDirectory organisations, IncidentProgress progress, TimeProvider clock)
{
    public const string Title = "请填写交办要求 / Instructions are required";

    /// <summary>An <paramref name="organisationCode"/> null or blank means the incident's responsible organisation.</summary>
    public async Task<Outcome<IncidentActionAccepted>> HandleAsync(
        Guid incidentId, string? instructions, string? organisationCode, Acting acting, CancellationToken cancellationToken)
    {
        var (text, invalid) = FieldText.Required(instructions, "instructions", Title);
        if (invalid is not null)
        {
            return invalid;
        }

        OrganisationRef? given = null;
        if (!string.IsNullOrWhiteSpace(organisationCode))
        {
            if (organisations.Current.Find(organisationCode.Trim()) is not { } found)
            {
                return Refusal.Invalid("organisationCode", $"organisationCode '{organisationCode}' is not a known organisation (GET /api/organisations).",
                    "交办单位有误 / Unknown organisation");
            }

            given = new OrganisationRef(found.Code, found.Name, found.Type);
        }

        // Like resolving: the primary responder hands over from the scene (a dispute not settled there goes to the
        // street), an operator from the centre.
        var (incident, here) = await FieldIncident.LoadAsync(incidentId, acting.Scope, incidents, assignments, cancellationToken);
        if (!FieldAccess.MayActOn(acting.Scope, incident, here, FieldAccess.PrimaryOnScene))
        {
            return Refusal.NotFound($"Incident {incidentId}");
        }

        if (FollowUpOrganisation.Of(incident!, given) is not { } organisation)
        {
            return Refusal.Invalid("organisationCode", "The incident has no responsible organisation: name the one that takes the follow-up work.",
                "交办单位缺失 / An organisation is required");
        }

        return await progress.CloseAsync(incident!.Id, true, text!, organisation, acting.Actor, cancellationToken) is { } refusal
            ? refusal
            : Outcome.Done(new IncidentActionAccepted(incident.Id, "handed-over", clock.GetUtcNow()));
    }
}
