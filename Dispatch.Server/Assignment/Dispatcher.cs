using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using MassTransit;

namespace Dispatch.Server.Assignment;

/// <summary>Who did something, for the audit log and the messages.</summary>
public sealed record Actor(string Name, string? Role)
{
    public static Actor System { get; } = new(AuditNames.SystemActor, null);
}

/// <summary>Why a request was not carried out: an HTTP status and words a person can act on.</summary>
public sealed record Refusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>What a dispatch did.</summary>
public sealed record DispatchResult(IReadOnlyList<AssignmentSummary> Assignments, Refusal? Refused, bool AlreadyAutoDispatched = false);

/// <summary>What a step on an assignment did; <see cref="Next"/> holds the new recommendations after a decline.</summary>
public sealed record StepResult(AssignmentSummary? Assignment, bool Changed, Refusal? Refused, IReadOnlyList<RecommendedUnit>? Next = null);

/// <summary>What signing a unit on or off did: the unit as it now is, or why not; neither when there is no such unit.</summary>
public sealed record DutyResult(UnitSummary? Unit, Refusal? Refused);

/// <summary>
/// Dispatch and the assignment lifecycle: load → decide (<see cref="DispatchRules"/>, <see cref="AssignmentTransitions"/>)
/// → store → publish. Used by the endpoints and by auto-dispatch alike, so both follow one rule.
/// </summary>
public sealed class Dispatcher(
    IncidentStore incidents, UnitStore units, AssignmentStore assignments, Recommender recommender, IPublishEndpoint bus, TimeProvider clock,
    ILogger<Dispatcher> logger)
{
    public const int RecommendationsAfterDecline = 3;

    public async Task<DispatchResult> DispatchAsync(
        IncidentSummary incident, IReadOnlyList<DispatchLine> lines, bool overrideBusy, string? overrideReason, Actor actor, CancellationToken cancellationToken)
    {
        if (incident.Status == IncidentStatus.Closed)
        {
            return new DispatchResult([], new Refusal(StatusCodes.Status409Conflict, "事件已结束 / The incident is closed",
                $"Incident {incident.Id} is closed; nothing can be dispatched to it.", new Dictionary<string, object?> { ["status"] = incident.Status.ToString() }));
        }

        var known = new Dictionary<string, UnitSummary>(StringComparer.Ordinal);
        var openOfUnit = new Dictionary<string, IReadOnlyList<AssignmentSummary>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (await units.GetAsync(line.Code, cancellationToken) is not { } unit)
            {
                return new DispatchResult([], new Refusal(StatusCodes.Status404NotFound, "未找到 / Not found", $"Unit '{line.Code}' (处置力量) does not exist."));
            }

            known[line.Code] = unit.Unit;
            openOfUnit[line.Code] = await assignments.OpenOfUnitAsync(line.Code, cancellationToken);
        }

        var here = await assignments.ForIncidentAsync(incident.Id, cancellationToken);
        var conflicts = DispatchRules.Conflicts(incident.Id, lines, known, code => openOfUnit[code], here, overrideBusy);
        if (conflicts.Count > 0)
        {
            var first = conflicts[0];
            return new DispatchResult([], new Refusal(StatusCodes.Status409Conflict, "力量不可用 / A unit cannot be dispatched", string.Join(" ", conflicts.Select(c => c.Reason)),
                new Dictionary<string, object?>
                {
                    ["unit"] = first.UnitCode,
                    ["unitStatus"] = first.Status.ToString(),
                    ["currentIncident"] = first.IncidentId == incident.Id ? null : first.IncidentId,
                    ["conflicts"] = conflicts,
                }));
        }

        var now = clock.GetUtcNow();
        var planned = lines.Select(l => new NewAssignment(
            new AssignmentSummary(Guid.NewGuid(), incident.Id, l.Code, l.Role, AssignmentState.Dispatched, now, null, null, null, null, null, null,
                actor.Name, known[l.Code].Status == UnitStatus.Available ? null : overrideReason, 1),
            known[l.Code].Status)).ToList();
        var audits = new List<AuditEntry>();
        foreach (var (assignment, read) in planned)
        {
            audits.Add(Audit(now, actor, AssignmentAudit.Dispatched, incident.Id, null, assignment));
            foreach (var diverted in openOfUnit[assignment.UnitCode])
            {
                // The other assignment is left exactly as it was: its incident's timeline says the unit was diverted.
                audits.Add(new AuditEntry(now, actor.Name, actor.Role, AssignmentAudit.Diverted, AuditNames.IncidentSubject,
                    IncidentStore.IdText(diverted.IncidentId), AuditJson.Serialize(diverted),
                    AuditJson.Serialize(new { diverted.Id, diverted.UnitCode, DivertedTo = incident.Id, Reason = overrideReason, UnitStatusBefore = read })));
            }
        }

        switch (await assignments.DispatchAsync(planned, audits, cancellationToken))
        {
            case DispatchOutcome.AlreadyAutoDispatched:
                return new DispatchResult([], null, AlreadyAutoDispatched: true);
            case DispatchOutcome.UnitChanged:
                return new DispatchResult([], new Refusal(StatusCodes.Status409Conflict, "力量状态已变 / A unit changed meanwhile",
                    "A unit's status changed while it was being dispatched; reload the recommendations and try again."));
        }

        var stored = planned.Select(p => p.Assignment).ToList();
        logger.LogInformation("Incident {IncidentId}: dispatched {UnitCodes} by {Actor}", incident.Id, string.Join(",", stored.Select(a => a.UnitCode)), actor.Name);
        if (incident.Status is IncidentStatus.Open or IncidentStatus.NeedsTriage)
        {
            await SetIncidentStatusAsync(incident.Id, IncidentStatus.InProgress, "dispatched", actor, cancellationToken);
        }

        foreach (var assignment in stored)
        {
            await PublishStepAsync(assignment, actor, cancellationToken);
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

    /// <summary>One step reported for an assignment; a repeat changes nothing and publishes nothing.</summary>
    public async Task<StepResult> StepAsync(AssignmentSummary current, AssignmentAction action, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        var transition = AssignmentTransitions.Next(current.State, action);
        if (transition.Refused)
        {
            return new StepResult(current, false, StateConflict(transition.Refusal!, current));
        }

        if (!transition.Changed)
        {
            return new StepResult(current, false, null);
        }

        var now = clock.GetUtcNow();
        var after = Stamp(current, transition.State, now, reason) with { Version = current.Version + 1 };
        var audit = Audit(now, actor, AssignmentAudit.Step(after.State), current.IncidentId, current, after);
        if (await assignments.ApplyAsync(after, audit, cancellationToken) is null)
        {
            var reread = await assignments.GetAsync(current.Id, cancellationToken) ?? current;
            return new StepResult(reread, false, StateConflict("派单已被他人更新 / the assignment changed meanwhile: reload it", reread));
        }

        await PublishStepAsync(after, actor, cancellationToken);
        IReadOnlyList<RecommendedUnit>? next = null;
        if (after.State == AssignmentState.Declined && await incidents.GetAsync(after.IncidentId, cancellationToken) is { } incident)
        {
            next = (await recommender.ForAsync(incident, RecommendationsAfterDecline, cancellationToken)).Units ?? [];
            await bus.Publish(new IncidentUpdated(incident, "declined"), cancellationToken);
        }

        return new StepResult(after, true, null, next);
    }

    /// <summary>
    /// Signs a unit on (Available) or off (OffDuty), audited. A unit with open work cannot sign off; on duty with
    /// work in hand it stays as its work says; a repeat changes nothing.
    /// </summary>
    public async Task<DutyResult> SetDutyAsync(string code, bool onDuty, Actor actor, CancellationToken cancellationToken)
    {
        if (await units.GetAsync(code, cancellationToken) is not { } unit)
        {
            return new DutyResult(null, null);
        }

        var current = unit.Unit.Status;
        var target = onDuty ? UnitStatus.Available : UnitStatus.OffDuty;
        var openWork = onDuty ? [] : await assignments.OpenOfUnitAsync(code, cancellationToken);
        if (openWork.Count > 0 && openWork[0] is var open)
        {
            return new DutyResult(unit.Unit, new Refusal(StatusCodes.Status409Conflict, "尚有任务 / The unit has open work",
                $"{code} is {current} on incident {open.IncidentId}; clear the assignment before signing off.",
                new Dictionary<string, object?> { ["unitStatus"] = current.ToString(), ["currentIncident"] = open.IncidentId }));
        }

        if (current == target || (onDuty && current != UnitStatus.OffDuty))
        {
            return new DutyResult(unit.Unit, null);
        }

        var after = unit.Unit with { Status = target };
        var audit = new AuditEntry(clock.GetUtcNow(), actor.Name, actor.Role, AssignmentAudit.Duty, AssignmentAudit.UnitSubject, code,
            AuditJson.Serialize(new { Status = current }), AuditJson.Serialize(new { Status = target }));
        if (!await units.ChangeStatusAsync(code, current, target, audit, cancellationToken))
        {
            return new DutyResult(unit.Unit, new Refusal(StatusCodes.Status409Conflict, "状态已变 / The unit changed meanwhile",
                $"{code}'s status changed meanwhile; reload it and try again."));
        }

        await bus.Publish(new UnitChanged(after, "status"), cancellationToken);
        return new DutyResult(after, null);
    }

    /// <summary>
    /// Closes an incident: status Closed, every open assignment cleared, units freed, <see cref="IncidentClosed"/>
    /// published. Null when done; otherwise the refusal.
    /// </summary>
    public async Task<Refusal?> CloseAsync(Guid incidentId, bool handedOver, string result, OrganisationRef? organisation, Actor actor, CancellationToken cancellationToken)
    {
        var closed = await SetIncidentStatusAsync(incidentId, IncidentStatus.Closed, handedOver ? "handed-over" : "resolved", actor, cancellationToken,
            details: new { HandedOver = handedOver, Result = result, Organisation = organisation });
        if (closed is null)
        {
            return new Refusal(StatusCodes.Status409Conflict, "事件已结束 / The incident is closed already",
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
    private async Task PublishStepAsync(AssignmentSummary assignment, Actor actor, CancellationToken cancellationToken)
    {
        await bus.Publish(new AssignmentChanged(assignment.Id, assignment.IncidentId, assignment.UnitCode, assignment.Role, assignment.State,
            StepTime(assignment), actor.Name), cancellationToken);
        if (await units.GetAsync(assignment.UnitCode, cancellationToken) is { } unit)
        {
            await bus.Publish(new UnitChanged(unit.Unit, "status"), cancellationToken);
        }
    }

    /// <summary>
    /// Moves the incident to <paramref name="status"/> with its audit entry, rereading on a version clash (routing
    /// corrections may change it meanwhile). Null when it is closed already (nothing further may change it).
    /// </summary>
    private async Task<IncidentSummary?> SetIncidentStatusAsync(
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

    private static Refusal StateConflict(string why, AssignmentSummary current) => new(StatusCodes.Status409Conflict, "无法执行 / Not possible now", why,
        new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["assignment"] = current });

    private static AssignmentSummary Stamp(AssignmentSummary a, AssignmentState state, DateTimeOffset now, string? reason) => state switch
    {
        AssignmentState.Acknowledged => a with { State = state, AcknowledgedAt = now },
        AssignmentState.EnRoute => a with { State = state, AcknowledgedAt = a.AcknowledgedAt ?? now, EnRouteAt = now },
        AssignmentState.OnScene => a with { State = state, AcknowledgedAt = a.AcknowledgedAt ?? now, OnSceneAt = now },
        AssignmentState.Cleared => a with { State = state, ClearedAt = now },
        AssignmentState.Declined => a with { State = state, DeclinedAt = now, DeclineReason = reason },
        _ => a with { State = state },
    };

    private static DateTimeOffset StepTime(AssignmentSummary a) => a.State switch
    {
        AssignmentState.Acknowledged => a.AcknowledgedAt!.Value,
        AssignmentState.EnRoute => a.EnRouteAt!.Value,
        AssignmentState.OnScene => a.OnSceneAt!.Value,
        AssignmentState.Cleared => a.ClearedAt!.Value,
        AssignmentState.Declined => a.DeclinedAt!.Value,
        _ => a.DispatchedAt,
    };

    private static AuditEntry Audit(DateTimeOffset at, Actor actor, string action, Guid incidentId, AssignmentSummary? before, AssignmentSummary after) =>
        new(at, actor.Name, actor.Role, action, AuditNames.IncidentSubject, IncidentStore.IdText(incidentId),
            before is null ? null : AuditJson.Serialize(before), AuditJson.Serialize(after));
}
