using Dispatch.Contracts;
using Dispatch.Server.Audit;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The body of <c>POST /api/units/{code}/duty</c>.</summary>
public sealed class DutyRequest
{
    public bool? OnDuty { get; set; }
}

/// <summary>What signing a unit on or off did: the unit as it now is, or why not.</summary>
public sealed record DutyResult(UnitSummary? Unit, Refusal? Refused);

/// <summary>What <see cref="SetDuty.Decide"/> says: change the status to <see cref="Target"/>, leave it, or refuse.</summary>
public sealed record DutyDecision(UnitStatus? Target, Refusal? Refused)
{
    public static DutyDecision Unchanged { get; } = new(null, null);
}

/// <summary>
/// Sign a unit on (Available) or off (OffDuty): load → decide (<see cref="FieldAccess"/>, <see cref="Decide"/>) →
/// store (audited) → publish <see cref="UnitChanged"/>. A responder for their own unit; an operator for the units
/// serving their areas (<see cref="UnitScope"/>), because the centre keeps its duty roster by radio too; another
/// street's unit does not exist for them, as another street's incident does not.
/// </summary>
public sealed class SetDuty(UnitStore units, AssignmentStore assignments, UnitScope unitScope, IPublishEndpoint bus, TimeProvider clock)
{
    public async Task<DutyResult> HandleAsync(string code, bool onDuty, Acting acting, CancellationToken cancellationToken)
    {
        if (FieldAccess.DutyForbidden(acting.Scope, code) is { } forbidden)
        {
            return new DutyResult(null, forbidden);
        }

        var unit = code.Length > UnitEndpoints.MaxCodeLength ? null : await units.GetAsync(code, cancellationToken);
        if (unit is null || (!FieldAccess.IsResponder(acting.Scope) && !unitScope.CanSee(acting.Scope, unit.Unit)))
        {
            return new DutyResult(null, Refusal.NotFound($"Unit '{code}' (处置力量)"));
        }

        var current = unit.Unit.Status;
        var openWork = onDuty ? [] : await assignments.OpenOfUnitAsync(code, cancellationToken);
        var decision = Decide(code, current, onDuty, openWork.Count > 0 ? openWork[0] : null);
        if (decision.Target is not { } target)
        {
            return new DutyResult(unit.Unit, decision.Refused);
        }

        var after = unit.Unit with { Status = target };
        var audit = new AuditEntry(clock.GetUtcNow(), acting.Actor.Name, acting.Actor.Role, AssignmentAudit.Duty, AssignmentAudit.UnitSubject, code,
            AuditJson.Serialize(new { Status = current }), AuditJson.Serialize(new { Status = target }));
        if (!await units.ChangeStatusAsync(code, current, target, audit, cancellationToken))
        {
            return new DutyResult(unit.Unit, Refusal.Conflict("状态已变 / The unit changed meanwhile", $"{code}'s status changed meanwhile; reload it and try again."));
        }

        await bus.Publish(new UnitChanged(after, "status"), cancellationToken);
        return new DutyResult(after, null);
    }

    /// <summary>
    /// Pure: a unit with open work cannot sign off (it must clear or be cleared first); on duty with work in hand it
    /// stays as its work says; a repeat changes nothing.
    /// </summary>
    public static DutyDecision Decide(string code, UnitStatus current, bool onDuty, AssignmentSummary? openWork)
    {
        if (!onDuty && openWork is not null)
        {
            return new DutyDecision(null, Refusal.Conflict("尚有任务 / The unit has open work",
                $"{code} 尚在处置警情 {openWork.IncidentId}，处置完毕后才能下班 / {code} is {current} on incident {openWork.IncidentId}; clear the assignment before signing off.",
                new Dictionary<string, object?> { ["unitStatus"] = current.ToString(), ["currentIncident"] = openWork.IncidentId }));
        }

        var target = onDuty ? UnitStatus.Available : UnitStatus.OffDuty;
        return current == target || (onDuty && current != UnitStatus.OffDuty) ? DutyDecision.Unchanged : new DutyDecision(target, null);
    }
}
