using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>
/// The store-and-publish steps several use cases share: an incident's status change, closing it, and publishing an
/// assignment's step with its unit's new status, so the clocks, the screens and the phones follow.
/// </summary>
public sealed class IncidentProgress(
    IncidentStore incidents, UnitStore units, AssignmentStore assignments, IPublishEndpoint bus, TimeProvider clock, ILogger<IncidentProgress> logger)
{
    /// <summary>
    /// Closes an incident: status Closed, every open assignment cleared, units freed, <see cref="IncidentClosed"/>
    /// published. Null when done; otherwise the refusal.
    /// </summary>
    public async Task<Refusal?> CloseAsync(Guid incidentId, bool handedOver, string result, OrganisationRef? organisation, Actor actor, CancellationToken cancellationToken)
    {
        var closed = await SetStatusAsync(incidentId, IncidentStatus.Closed, handedOver ? "handed-over" : "resolved", actor, cancellationToken,
            details: new { HandedOver = handedOver, Result = result, Organisation = organisation });
        if (closed is null)
        {
            return Refusal.Conflict("事件已结束 / The incident is closed already",
                $"Incident {incidentId} is already closed.", new Dictionary<string, object?> { ["status"] = nameof(IncidentStatus.Closed) });
        }

        var now = clock.GetUtcNow();
        var cleared = await assignments.ClearIncidentAsync(incidentId, now,
            (before, after) => Audit(now, actor, AssignmentAudit.Step(AssignmentState.Cleared), incidentId, before, after), cancellationToken);
        foreach (var assignment in cleared)
        {
            await PublishStepAsync(assignment, actor, cancellationToken);
        }

        await bus.Publish(new IncidentClosed(incidentId, handedOver, result, organisation, now, actor.Name), cancellationToken);
        logger.LogInformation("Incident {IncidentId} closed by {Actor}, handed over {HandedOver}", incidentId, actor.Name, handedOver);
        return null;
    }

    /// <summary>Publishes the step and the unit's new status, so the clocks, the screens and the phones follow.</summary>
    public async Task PublishStepAsync(AssignmentSummary assignment, Actor actor, CancellationToken cancellationToken)
    {
        await bus.Publish(new AssignmentChanged(assignment.Id, assignment.IncidentId, assignment.UnitCode, assignment.Role, assignment.State,
            AssignmentTransitions.StepTime(assignment), actor.Name), cancellationToken);
        if (await units.GetAsync(assignment.UnitCode, cancellationToken) is { } unit)
        {
            await bus.Publish(new UnitChanged(unit.Unit, "status"), cancellationToken);
        }
    }

    /// <summary>
    /// Moves the incident to <paramref name="status"/> with its audit entry, rereading on a version clash (routing
    /// corrections may change it meanwhile). Null when it is closed already (nothing further may change it).
    /// </summary>
    public async Task<IncidentSummary?> SetStatusAsync(
        Guid incidentId, IncidentStatus status, string change, Actor actor, CancellationToken cancellationToken, object? details = null)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await incidents.GetVersionedAsync(incidentId, cancellationToken)
                ?? throw new InvalidOperationException($"Incident {incidentId} vanished while its status changed.");
            if (current.Incident.Status == IncidentStatus.Closed)
            {
                return null;
            }

            var after = current.Incident with { Status = status };
            var audit = new AuditEntry(clock.GetUtcNow(), actor.Name, actor.Role, "incident." + change, AuditNames.IncidentSubject,
                IncidentStore.IdText(incidentId), AuditJson.Serialize(current.Incident), details is null ? AuditJson.Serialize(after) : AuditJson.Serialize(new { Incident = after, Details = details }));
            if (await incidents.ReplaceAsync(after, current.Version, audit, cancellationToken))
            {
                await bus.Publish(new IncidentUpdated(after, change), cancellationToken);
                return after;
            }
        }

        throw new InvalidOperationException($"Incident {incidentId} kept changing while its status was set to {status}.");
    }

    /// <summary>An assignment's audit entry, on the incident's subject so its timeline tells the whole story.</summary>
    public static AuditEntry Audit(DateTimeOffset at, Actor actor, string action, Guid incidentId, AssignmentSummary? before, AssignmentSummary after) =>
        new(at, actor.Name, actor.Role, action, AuditNames.IncidentSubject, IncidentStore.IdText(incidentId),
            before is null ? null : AuditJson.Serialize(before), AuditJson.Serialize(after));
}
