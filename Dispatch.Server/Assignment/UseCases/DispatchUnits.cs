using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations.Parsing;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The body of <c>POST /api/incidents/{id}/dispatch</c>.</summary>
public sealed class DispatchRequest
{
    public List<DispatchRequestUnit>? Units { get; set; }

    /// <summary>Dispatch units that are not Available anyway (their other work is left as it is); needs <see cref="Reason"/>.</summary>
    public bool? Override { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// One unit in a <see cref="DispatchRequest"/>: its code and <c>primary</c> or <c>reinforcement</c>; without a role,
/// the primary when the incident has none yet, else a reinforcement.
/// </summary>
public sealed class DispatchRequestUnit
{
    public string? Code { get; set; }
    public string? Role { get; set; }
}

/// <summary>A dispatch as the use case takes it: the units, and whether busy units are sent anyway and why.</summary>
public sealed record DispatchOrder(IReadOnlyList<DispatchLine> Lines, bool OverrideBusy = false, string? OverrideReason = null);

/// <summary>What a dispatch answers: the new assignments.</summary>
public sealed record DispatchAccepted(Guid IncidentId, IReadOnlyList<AssignmentSummary> Assignments);

/// <summary>What a dispatch did.</summary>
public sealed record DispatchResult(IReadOnlyList<AssignmentSummary> Assignments, Refusal? Refused, bool AlreadyAutoDispatched = false);

/// <summary>
/// Dispatch units to an incident: parse → load → decide (<see cref="DispatchRules"/>) → store → publish. The operator's
/// one click, auto-dispatch and the demo feed all come through here, so all follow one rule.
/// </summary>
public sealed class DispatchUnits(
    IncidentStore incidents, UnitStore units, AssignmentStore assignments, IncidentProgress progress, IPublishEndpoint bus, TimeProvider clock,
    ILogger<DispatchUnits> logger)
{
    public const int MaxUnitsPerDispatch = 10;

    /// <summary>From the route: an operator within their areas.</summary>
    public async Task<Outcome<DispatchAccepted>> HandleAsync(Guid incidentId, DispatchRequest? body, Acting acting, CancellationToken cancellationToken)
    {
        var (order, invalid) = Parse(body);
        if (invalid is not null)
        {
            return invalid;
        }

        // An intake reference whose alert joined another incident leads to that incident, as GET /api/incidents/{id} does.
        var incident = await incidents.ResolveReferenceAsync(incidentId, cancellationToken);
        if (!FieldAccess.MayRead(acting.Scope, incident))
        {
            return Refusal.NotFound($"Incident {incidentId}");
        }

        var result = await DispatchAsync(incident!, order!, acting.Actor, cancellationToken);
        return result.Refused ?? Outcome.Done(new DispatchAccepted(incident!.Id, result.Assignments));
    }

    /// <summary>For an incident already loaded and allowed (auto-dispatch, the demo feed).</summary>
    public async Task<DispatchResult> DispatchAsync(IncidentSummary incident, DispatchOrder order, Actor actor, CancellationToken cancellationToken)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            return new DispatchResult([], Refusal.Conflict("事件已结束 / The incident is closed",
                $"Incident {incident.Id} is closed; nothing can be dispatched to it.", new Dictionary<string, object?> { ["status"] = incident.Status.ToString() }));
        }

        var known = new Dictionary<string, UnitSummary>(StringComparer.Ordinal);
        var openOfUnit = new Dictionary<string, IReadOnlyList<AssignmentSummary>>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            if (await units.GetAsync(line.Code, cancellationToken) is not { } unit)
            {
                return new DispatchResult([], Refusal.NotFound($"Unit '{line.Code}' (处置力量)"));
            }

            known[line.Code] = unit.Unit;
            openOfUnit[line.Code] = await assignments.OpenOfUnitAsync(line.Code, cancellationToken);
        }

        var here = await assignments.ForIncidentAsync(incident.Id, cancellationToken);
        var lines = DispatchRules.WithRoles(order.Lines, here);
        var conflicts = DispatchRules.Conflicts(incident.Id, lines, known, code => openOfUnit[code], here, order.OverrideBusy);
        if (conflicts.Count > 0)
        {
            return new DispatchResult([], Refuse(incident.Id, conflicts));
        }

        var now = clock.GetUtcNow();
        var planned = lines.Select(l => new NewAssignment(
            new AssignmentSummary(Guid.NewGuid(), incident.Id, l.Code, l.Role!.Value, AssignmentState.Dispatched, now, null, null, null, null, null, null,
                actor.Name, known[l.Code].Status == UnitStatus.Available ? null : order.OverrideReason, 1),
            known[l.Code].Status)).ToList();
        var audits = new List<AuditEntry>();
        foreach (var (assignment, read) in planned)
        {
            audits.Add(IncidentProgress.Audit(now, actor, AssignmentAudit.Dispatched, incident.Id, null, assignment));
            foreach (var diverted in openOfUnit[assignment.UnitCode])
            {
                // The other assignment is left exactly as it was: its incident's timeline says the unit was diverted.
                audits.Add(new AuditEntry(now, actor.Name, actor.Role, AssignmentAudit.Diverted, AuditNames.IncidentSubject,
                    IncidentStore.IdText(diverted.IncidentId), AuditJson.Serialize(diverted),
                    AuditJson.Serialize(new { diverted.Id, diverted.UnitCode, DivertedTo = incident.Id, Reason = order.OverrideReason, UnitStatusBefore = read })));
            }
        }

        switch (await assignments.DispatchAsync(planned, audits, cancellationToken))
        {
            case DispatchOutcome.AlreadyAutoDispatched:
                return new DispatchResult([], null, AlreadyAutoDispatched: true);
            case DispatchOutcome.UnitChanged:
                return new DispatchResult([], Refusal.Conflict("力量状态已变 / A unit changed meanwhile",
                    "A unit's status changed while it was being dispatched; reload the recommendations and try again."));
        }

        var stored = planned.Select(p => p.Assignment).ToList();
        logger.LogInformation("Incident {IncidentId}: dispatched {UnitCodes} by {Actor}", incident.Id, string.Join(",", stored.Select(a => a.UnitCode)), actor.Name);
        if (incident.Status is IncidentStatus.Open or IncidentStatus.NeedsTriage)
        {
            await progress.SetStatusAsync(incident.Id, IncidentStatus.InProgress, "dispatched", actor, cancellationToken);
        }

        foreach (var assignment in stored)
        {
            await progress.PublishStepAsync(assignment, actor, cancellationToken);
            foreach (var diverted in openOfUnit[assignment.UnitCode])
            {
                if (await incidents.GetAsync(diverted.IncidentId, cancellationToken) is { } other)
                {
                    await bus.Publish(new IncidentUpdated(other, "unit-diverted"), cancellationToken);
                }
            }
        }

        return new DispatchResult(stored, null);
    }

    /// <summary>The refusal of a dispatch with conflicts: all their reasons, the first one's unit and where it works.</summary>
    public static Refusal Refuse(Guid incidentId, IReadOnlyList<UnitConflict> conflicts)
    {
        var first = conflicts[0];
        return Refusal.Conflict("力量不可用 / A unit cannot be dispatched", string.Join(" ", conflicts.Select(c => c.Reason)),
            new Dictionary<string, object?>
            {
                ["unit"] = first.UnitCode,
                ["unitStatus"] = first.Status.ToString(),
                ["currentIncident"] = first.IncidentId == incidentId ? null : first.IncidentId,
                ["conflicts"] = conflicts,
            });
    }

    /// <summary>Reads a dispatch body, pure: the order, or every problem with it, each named by its field.</summary>
    public static (DispatchOrder? Order, Refusal? Invalid) Parse(DispatchRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        var lines = new List<DispatchLine>();
        if (body?.Units is not { Count: > 0 and <= MaxUnitsPerDispatch } requested)
        {
            errors["units"] = [$"units is required: 1 to {MaxUnitsPerDispatch} of {{\"code\":\"YF-PC01\",\"role\":\"primary\"}}."];
        }
        else
        {
            for (var i = 0; i < requested.Count; i++)
            {
                var code = requested[i]?.Code?.Trim();
                if (string.IsNullOrEmpty(code) || code.Length > UnitEndpoints.MaxCodeLength)
                {
                    errors[$"units[{i}].code"] = ["code is required: the unit's code, e.g. YF-PC01."];
                    continue;
                }

                // No role: decided when dispatched (DispatchRules.WithRoles) — the primary, or a reinforcement.
                var roleText = requested[i]!.Role;
                AssignmentRole? role = StrictEnum.TryParse<AssignmentRole>(roleText, out var named) ? named : null;
                if (role is null && !string.IsNullOrWhiteSpace(roleText))
                {
                    errors[$"units[{i}].role"] = [StrictEnum.NotOneOf("role", roleText, ["primary", "reinforcement"])];
                }
                else if (lines.Any(l => l.Code == code))
                {
                    errors[$"units[{i}].code"] = [$"unit {code} is named twice."];
                }
                else
                {
                    lines.Add(new DispatchLine(code, role));
                }
            }
        }

        var overrideBusy = body?.Override ?? false;
        var reason = body?.Reason?.Trim();
        if (overrideBusy && (string.IsNullOrEmpty(reason) || reason.Length > FieldText.MaxLength))
        {
            errors["reason"] = [$"override needs a reason (at most {FieldText.MaxLength} characters): it is kept in the audit log."];
        }
        else if (reason?.Length > FieldText.MaxLength)
        {
            errors["reason"] = [$"reason is at most {FieldText.MaxLength} characters."];
        }

        return errors.Count > 0
            ? (null, Refusal.Invalid(errors, "派单内容有误 / Invalid dispatch"))
            : (new DispatchOrder(lines, overrideBusy, reason), null);
    }
}
