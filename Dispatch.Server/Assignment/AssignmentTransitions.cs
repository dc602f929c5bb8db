using Dispatch.Contracts;

namespace Dispatch.Server.Assignment;

/// <summary>What a unit reports about an assignment (the last segment of <c>POST /api/assignments/{id}/…</c>).</summary>
public enum AssignmentAction
{
    Acknowledge,
    EnRoute,
    OnScene,
    Clear,
    Decline,
}

/// <summary>The answer of <see cref="AssignmentTransitions.Next"/>: a new state, a harmless repeat, or a refusal with its reason.</summary>
public sealed record Transition(AssignmentState State, bool Changed, string? Refusal)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// The assignment state machine. Steps may be skipped forward (a unit that reports "on scene" without "en route"
/// was on its way; radios drop messages) but never go back; a step already reached is a harmless repeat; nothing
/// follows Cleared or Declined; a unit may decline only before it is on scene.
/// </summary>
public static class AssignmentTransitions
{
    public static Transition Next(AssignmentState current, AssignmentAction action)
    {
        if (current is AssignmentState.Cleared or AssignmentState.Declined)
        {
            return Same(current, action) ? new Transition(current, false, null) : Refuse(current, action, "the assignment is finished / 派单已结束");
        }

        if (action == AssignmentAction.Decline)
        {
            return current == AssignmentState.OnScene
                ? Refuse(current, action, "a unit on scene cannot decline; clear instead / 已到场不能拒绝，请结束处置")
                : new Transition(AssignmentState.Declined, true, null);
        }

        var target = Target(action);
        if (target == current)
        {
            return new Transition(current, false, null);
        }

        return target > current
            ? new Transition(target, true, null)
            : Refuse(current, action, "that step is already past / 该步骤已过");
    }

    /// <summary>The unit status an open assignment in this state implies.</summary>
    public static UnitStatus UnitStatusFor(AssignmentState state) => state switch
    {
        AssignmentState.Dispatched or AssignmentState.Acknowledged => UnitStatus.Dispatched,
        AssignmentState.EnRoute => UnitStatus.EnRoute,
        AssignmentState.OnScene => UnitStatus.OnScene,
        _ => UnitStatus.Available,
    };

    public static bool IsOpen(AssignmentState state) => state is not (AssignmentState.Cleared or AssignmentState.Declined);

    /// <summary>
    /// The unit's status once one of its assignments changed: that of its newest open assignment (work it was
    /// diverted from resumes), else Available.
    /// </summary>
    public static UnitStatus UnitStatusAfter(IEnumerable<AssignmentSummary> assignmentsNewestFirst)
    {
        var newest = assignmentsNewestFirst.FirstOrDefault(a => IsOpen(a.State));
        return newest is null ? UnitStatus.Available : UnitStatusFor(newest.State);
    }

    /// <summary>The assignment in <paramref name="state"/>, with the time of the step (and a skipped acknowledgement's) stamped.</summary>
    public static AssignmentSummary Stamp(AssignmentSummary a, AssignmentState state, DateTimeOffset now, string? reason) => state switch
    {
        AssignmentState.Acknowledged => a with { State = state, AcknowledgedAt = now },
        AssignmentState.EnRoute => a with { State = state, AcknowledgedAt = a.AcknowledgedAt ?? now, EnRouteAt = now },
        AssignmentState.OnScene => a with { State = state, AcknowledgedAt = a.AcknowledgedAt ?? now, OnSceneAt = now },
        AssignmentState.Cleared => a with { State = state, ClearedAt = now },
        AssignmentState.Declined => a with { State = state, DeclinedAt = now, DeclineReason = reason },
        _ => a with { State = state },
    };

    /// <summary>When the assignment reached its current state.</summary>
    public static DateTimeOffset StepTime(AssignmentSummary a) => a.State switch
    {
        AssignmentState.Acknowledged => a.AcknowledgedAt!.Value,
        AssignmentState.EnRoute => a.EnRouteAt!.Value,
        AssignmentState.OnScene => a.OnSceneAt!.Value,
        AssignmentState.Cleared => a.ClearedAt!.Value,
        AssignmentState.Declined => a.DeclinedAt!.Value,
        _ => a.DispatchedAt,
    };

    private static AssignmentState Target(AssignmentAction action) => action switch
    {
        AssignmentAction.Acknowledge => AssignmentState.Acknowledged,
        AssignmentAction.EnRoute => AssignmentState.EnRoute,
        AssignmentAction.OnScene => AssignmentState.OnScene,
        AssignmentAction.Clear => AssignmentState.Cleared,
        AssignmentAction.Decline => AssignmentState.Declined,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    private static bool Same(AssignmentState current, AssignmentAction action) => Target(action) == current;

    private static Transition Refuse(AssignmentState current, AssignmentAction action, string why) =>
        new(current, false, $"{action} is not possible from {current}: {why}");
}
