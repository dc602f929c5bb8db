using Dispatch.Contracts;

namespace Dispatch.Server.Clock;

/// <summary>Audit actions of the clock, so the breaches report and the timeline agree on spelling.</summary>
public static class ClockActions
{
    public const string Started = "clock.started";
    public const string Warned = "clock.warned";
    public const string Breached = "clock.breached";
    public const string Met = "clock.met";

    /// <summary>The unit that stopped a clock came after its breach: the time taken is kept, the breach stands.</summary>
    public const string MetAfterBreach = "clock.met-after-breach";
    public const string Cancelled = "clock.cancelled";
    public const string Escalated = "clock.escalated";
}

/// <summary>
/// Which event stops which clock, and when the sweeper fires one. Pure: the clocks as stored and the event in,
/// the changes out.
/// <list type="bullet">
/// <item>Respond is met by the first unit, of any role, that acknowledged — or went further (en route, on scene)
/// without acknowledging first: either way the response has started.</item>
/// <item>Arrive is met by the primary unit on scene; a reinforcement on scene does not meet it.</item>
/// <item>Reinforce is met by a reinforcement on scene. A request starts it when the policy did not.</item>
/// <item>Dispatched, declined and cleared meet nothing: a declined unit leaves the clock running for the next one.</item>
/// <item>A hand-off to 119, 120 or 应急 meets respond: the centre responded by handing it on.</item>
/// <item>Closing the incident cancels what still runs; breaches and met clocks stay as they are.</item>
/// </list>
/// A unit that comes after its clock breached leaves the breach standing but records when it came, so the time
/// taken is known.
/// </summary>
public static class ClockRules
{
    public static IReadOnlyList<ClockChange> Apply(IReadOnlyList<IncidentClock> clocks, AssignmentChanged change, DateTimeOffset now)
    {
        var changes = new List<ClockChange>();
        var responded = change.State is AssignmentState.Acknowledged or AssignmentState.EnRoute or AssignmentState.OnScene;
        if (responded)
        {
            Meet(clocks, ClockKind.Respond, change.At, now, changes);
        }

        if (change.State == AssignmentState.OnScene)
        {
            Meet(clocks, change.Role == AssignmentRole.Primary ? ClockKind.Arrive : ClockKind.Reinforce, change.At, now, changes);
        }

        return changes;
    }

    /// <summary>Starts the reinforce clock unless the incident has one already (from its policy or an earlier request).</summary>
    public static IReadOnlyList<ClockChange> Apply(
        IReadOnlyList<IncidentClock> clocks, ReinforcementRequested request, DateTimeOffset receivedAt, ResponsePolicy? policy, double warnFraction, DateTimeOffset now)
    {
        if (clocks.Any(c => c.Kind == ClockKind.Reinforce))
        {
            return [];
        }

        return [new ClockChange(null, ClockPolicy.Reinforce(request.IncidentId, receivedAt, policy, warnFraction, now), ClockActions.Started)];
    }

    /// <summary>
    /// A hand-off to 119, 120 or 应急 is the centre's response: it meets the respond clock (if not met already).
    /// Arrive and reinforce keep running while police units are still expected; closing the incident cancels them.
    /// </summary>
    public static IReadOnlyList<ClockChange> Apply(IReadOnlyList<IncidentClock> clocks, IncidentLinked linked, DateTimeOffset now)
    {
        var changes = new List<ClockChange>();
        Meet(clocks, ClockKind.Respond, linked.At, now, changes);
        return changes;
    }

    public static IReadOnlyList<ClockChange> Apply(IReadOnlyList<IncidentClock> clocks, IncidentClosed closed, DateTimeOffset now) =>
        clocks.Where(c => c.IsRunning)
            .Select(c => new ClockChange(c, c with { State = ClockState.Cancelled, UpdatedAt = now }, ClockActions.Cancelled))
            .ToList();

    /// <summary>
    /// What the sweeper does with a clock at <paramref name="now"/>: breach it when due (straight from running
    /// if both points passed, e.g. while the server was down), else warn it when its warning point passed.
    /// A breach more than <paramref name="lateAfter"/> past due is marked late.
    /// </summary>
    public static ClockChange? Fire(IncidentClock clock, DateTimeOffset now, TimeSpan lateAfter)
    {
        if (!clock.IsRunning)
        {
            return null;
        }

        if (clock.DueAt <= now)
        {
            return new ClockChange(clock, clock with
            {
                State = ClockState.Breached, BreachedAt = now, Late = now - clock.DueAt > lateAfter, UpdatedAt = now,
            }, ClockActions.Breached);
        }

        if (clock.State == ClockState.Running && clock.WarnAt <= now)
        {
            return new ClockChange(clock, clock with { State = ClockState.Warned, WarnedAt = now, UpdatedAt = now }, ClockActions.Warned);
        }

        return null;
    }

    private static void Meet(IReadOnlyList<IncidentClock> clocks, ClockKind kind, DateTimeOffset at, DateTimeOffset now, List<ClockChange> changes)
    {
        var clock = clocks.FirstOrDefault(c => c.Kind == kind);
        if (clock is null || clock.MetAt is not null)
        {
            return;
        }

        if (clock.IsRunning && at > clock.DueAt)
        {
            // The unit came after the due time but before the sweeper fired: it is a breach, with no alarm to raise.
            changes.Add(new ClockChange(clock, clock with { State = ClockState.Breached, BreachedAt = now, MetAt = at, UpdatedAt = now },
                ClockActions.MetAfterBreach));
        }
        else if (clock.IsRunning)
        {
            changes.Add(new ClockChange(clock, clock with { State = ClockState.Met, MetAt = at, UpdatedAt = now }, ClockActions.Met));
        }
        else if (clock.State == ClockState.Breached)
        {
            changes.Add(new ClockChange(clock, clock with { MetAt = at, UpdatedAt = now }, ClockActions.MetAfterBreach));
        }
    }
}
