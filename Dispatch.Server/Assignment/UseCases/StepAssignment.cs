using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using MassTransit;

namespace Dispatch.Server.Assignment.UseCases;

/// <summary>A body with only a reason (decline, reinforcements).</summary>
public sealed class ReasonRequest
{
    public string? Reason { get; set; }
}

/// <summary>What a step answers; <c>Next</c> holds the recommendations after a decline.</summary>
public sealed record StepAnswer(AssignmentSummary Assignment, bool Changed, IReadOnlyList<RecommendedUnit>? Next);

/// <summary>What a step on an assignment did; <see cref="Next"/> holds the new recommendations after a decline.</summary>
public sealed record StepResult(AssignmentSummary? Assignment, bool Changed, Refusal? Refused, IReadOnlyList<RecommendedUnit>? Next = null);

/// <summary>
/// One step a unit reports on its assignment (acknowledge, en route, on scene, clear, decline): load → decide (who may
/// act: <see cref="FieldAccess"/>; the state machine: <see cref="AssignmentTransitions"/>) → store → publish. The five
/// steps differ only in the transition, so they share this one handler. A repeat changes nothing and publishes nothing.
/// </summary>
public sealed class StepAssignment(
    IncidentStore incidents, AssignmentStore assignments, Recommender recommender, IncidentProgress progress, IPublishEndpoint bus, TimeProvider clock)
{
    public const int RecommendationsAfterDecline = 3;

    public const string DeclineTitle = "拒绝须说明理由 / A reason is required";

    /// <summary>The <paramref name="reason"/> is required for a decline and ignored otherwise.</summary>
    public async Task<StepResult> HandleAsync(Guid assignmentId, AssignmentAction action, string? reason, Acting acting, CancellationToken cancellationToken)
    {
        if (action == AssignmentAction.Decline)
        {
            (reason, var invalid) = FieldText.Required(reason, "reason", DeclineTitle);
            if (invalid is not null)
            {
                return new StepResult(null, false, invalid);
            }
        }

        var current = await assignments.GetAsync(assignmentId, cancellationToken);
        var incident = current is null || FieldAccess.IsResponder(acting.Scope) ? null : await incidents.ResolveReferenceAsync(current.IncidentId, cancellationToken);
        if (current is null || !FieldAccess.MayActOn(acting.Scope, current, incident))
        {
            return new StepResult(null, false, Refusal.NotFound($"Assignment {assignmentId}"));
        }

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
        var after = AssignmentTransitions.Stamp(current, transition.State, now, reason) with { Version = current.Version + 1 };
        var audit = IncidentProgress.Audit(now, acting.Actor, AssignmentAudit.Step(after.State), current.IncidentId, current, after);
        if (await assignments.ApplyAsync(after, audit, cancellationToken) is null)
        {
            var reread = await assignments.GetAsync(current.Id, cancellationToken) ?? current;
            return new StepResult(reread, false, StateConflict("派单已被他人更新 / the assignment changed meanwhile: reload it", reread));
        }

        await progress.PublishStepAsync(after, acting.Actor, cancellationToken);
        IReadOnlyList<RecommendedUnit>? next = null;
        if (after.State == AssignmentState.Declined && await incidents.GetAsync(after.IncidentId, cancellationToken) is { } declinedOn)
        {
            next = (await recommender.ForAsync(declinedOn, RecommendationsAfterDecline, cancellationToken)).Units ?? [];
            await bus.Publish(new IncidentUpdated(declinedOn, "declined"), cancellationToken);
        }

        return new StepResult(after, true, null, next);
    }

    private static Refusal StateConflict(string why, AssignmentSummary current) => Refusal.Conflict("无法执行 / Not possible now", why,
        new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["assignment"] = current });
}
