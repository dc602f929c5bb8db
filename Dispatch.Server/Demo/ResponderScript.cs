using Dispatch.Contracts;

namespace Dispatch.Server.Demo;

/// <summary>What a simulated responder does next.</summary>
public enum ResponderStep
{
    Acknowledge,
    EnRoute,
    OnScene,
    RequestReinforcement,

    /// <summary>The primary settles the case on scene and closes the incident.</summary>
    Resolve,

    /// <summary>The primary cannot settle it on scene: the operator hands the follow-up to a department (a task order).</summary>
    HandOver,

    /// <summary>A reinforcement leaves; the incident stays with its primary.</summary>
    Clear,
}

/// <summary>A step and when it falls due, counted from the dispatch.</summary>
public sealed record ResponderMove(ResponderStep Step, TimeSpan Due);

/// <summary>
/// One simulated responder's script for one assignment, every time counted from the dispatch. Drawn once, when the
/// simulator first sees the assignment.
/// </summary>
/// <param name="Acknowledge">签收.</param>
/// <param name="EnRoute">Sets off.</param>
/// <param name="OnScene">到场.</param>
/// <param name="Reinforcement">Asks for reinforcement from the scene (primary only, sometimes).</param>
/// <param name="Finish">Resolves, hands over or clears.</param>
/// <param name="Ending">Which of the three.</param>
/// <param name="FeedSendsReinforcement">Whether the feed dispatches the reinforcement asked for, or leaves it to the operator.</param>
public sealed record ResponderPlan(
    TimeSpan Acknowledge, TimeSpan EnRoute, TimeSpan OnScene, TimeSpan? Reinforcement, TimeSpan Finish, ResponderStep Ending, bool FeedSendsReinforcement);

/// <summary>
/// The simulated responders' behaviour, pure: the plan comes from random draws, the next step from the assignment's
/// state and the time since dispatch. Mostly on time against the 1-3-5 clocks, sometimes late, so a demo shows both
/// clocks met and clocks breached.
/// </summary>
public static class ResponderScript
{
    /// <summary>Share of acknowledgements that come after the 1-minute respond clock.</summary>
    public const double LateAcknowledgeShare = 0.12;

    /// <summary>Share of arrivals that come after their clock: 3 minutes for a primary, 5 for a reinforcement.</summary>
    public const double LateArrivalShare = 0.2;

    /// <summary>Share of primaries that ask for reinforcement from the scene.</summary>
    public const double ReinforcementShare = 0.12;

    /// <summary>Share of primaries that cannot settle the case on scene and hand it over.</summary>
    public const double HandOverShare = 0.2;

    /// <summary>Share of reinforcement requests the feed answers itself; the others wait for the operator.</summary>
    public const double FeedSendsReinforcementShare = 0.6;

    /// <summary>Share of expected reinforcements (the policy asks for them) the feed sends itself.</summary>
    public const double ExpectedReinforcementSentShare = 0.85;

    /// <summary>The respond clock's default (1 minute from receipt) less a margin, so "on time" stays on time.</summary>
    private static readonly TimeSpan RespondBy = TimeSpan.FromSeconds(55);

    /// <summary>The arrive clock's default (3 minutes) less a margin.</summary>
    private static readonly TimeSpan ArriveBy = TimeSpan.FromSeconds(170);

    /// <summary>The reinforce clock's default (5 minutes) less a margin: a reinforcement's arrival.</summary>
    private static readonly TimeSpan ReinforceBy = TimeSpan.FromSeconds(290);

    private static readonly TimeSpan ShortestTrip = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Draws a plan. <paramref name="dispatchLag"/> is how long after receipt (T0, where the clocks start) the unit was
    /// dispatched: an on-time responder answers within what is left of the clock. <paramref name="travel"/> is the
    /// trip at the unit's urban speed; an on-time arrival is squeezed into the clock, as a demo compresses distance.
    /// When the category's policy expects reinforcements (<paramref name="reinforcementExpected"/>, e.g. a fight), the
    /// primary's call for them comes at once, as the run card says; otherwise only sometimes, from the scene.
    /// </summary>
    public static ResponderPlan Plan(AssignmentRole role, TimeSpan dispatchLag, TimeSpan travel, bool reinforcementExpected, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var lag = dispatchLag < TimeSpan.Zero ? TimeSpan.Zero : dispatchLag;

        var acknowledge = random.NextDouble() < LateAcknowledgeShare
            ? Max(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1) - lag) + Seconds(random, 8, 45)
            : Seconds(random, 3, Math.Max(8, (RespondBy - lag).TotalSeconds));
        var enRoute = acknowledge + Seconds(random, 3, 12);
        var earliest = enRoute + ShortestTrip;
        var trip = enRoute + Max(travel, ShortestTrip);
        var (clock, inTime) = role == AssignmentRole.Primary ? (TimeSpan.FromMinutes(3), ArriveBy) : (TimeSpan.FromMinutes(5), ReinforceBy);
        var onScene = random.NextDouble() < LateArrivalShare
            ? Max(trip, Max(earliest, clock - lag + Seconds(random, 20, 120)))
            : Min(trip, Max(earliest, inTime - lag));

        TimeSpan? reinforcement = null;
        var sendsReinforcement = false;
        if (role == AssignmentRole.Primary && reinforcementExpected)
        {
            reinforcement = acknowledge + Seconds(random, 1, 8);
            sendsReinforcement = random.NextDouble() < ExpectedReinforcementSentShare;
        }
        else if (role == AssignmentRole.Primary && random.NextDouble() < ReinforcementShare)
        {
            reinforcement = onScene + Seconds(random, 15, 60);
            sendsReinforcement = random.NextDouble() < FeedSendsReinforcementShare;
        }

        var finish = Max(onScene, reinforcement ?? onScene) + Seconds(random, 120, 420);
        var ending = role == AssignmentRole.Reinforcement ? ResponderStep.Clear
            : random.NextDouble() < HandOverShare ? ResponderStep.HandOver
            : ResponderStep.Resolve;
        return new ResponderPlan(acknowledge, enRoute, onScene, reinforcement, finish, ending, sendsReinforcement);
    }

    /// <summary>
    /// The step that follows <paramref name="state"/> in the plan and when it falls due; null once the work is over.
    /// A planned call for reinforcement comes in between, at its time, once the assignment is acknowledged.
    /// </summary>
    public static ResponderMove? Next(AssignmentState state, ResponderPlan plan, bool reinforcementRequested)
    {
        ResponderMove? next = state switch
        {
            AssignmentState.Dispatched => new(ResponderStep.Acknowledge, plan.Acknowledge),
            AssignmentState.Acknowledged => new(ResponderStep.EnRoute, plan.EnRoute),
            AssignmentState.EnRoute => new(ResponderStep.OnScene, plan.OnScene),
            AssignmentState.OnScene => new(plan.Ending, plan.Finish),
            _ => null,
        };
        return next is not null && state != AssignmentState.Dispatched && !reinforcementRequested && plan.Reinforcement is { } ask && ask <= next.Due
            ? new ResponderMove(ResponderStep.RequestReinforcement, ask)
            : next;
    }

    /// <summary>The step to take now, <paramref name="elapsed"/> after the dispatch; null when nothing is due.</summary>
    public static ResponderStep? Due(AssignmentState state, TimeSpan elapsed, ResponderPlan plan, bool reinforcementRequested) =>
        Next(state, plan, reinforcementRequested) is { } move && move.Due <= elapsed ? move.Step : null;

    /// <summary>
    /// Where a unit on its way is, <paramref name="elapsed"/> after the dispatch: on the straight line from
    /// <paramref name="from"/> to <paramref name="to"/>, in proportion to the time between setting off and arriving.
    /// The street is a few kilometres across, so interpolating degrees is good enough for a map.
    /// </summary>
    public static GeoPoint PositionAt(GeoPoint from, GeoPoint to, ResponderPlan plan, TimeSpan elapsed)
    {
        var span = plan.OnScene - plan.EnRoute;
        var fraction = span <= TimeSpan.Zero ? 1 : Math.Clamp((elapsed - plan.EnRoute) / span, 0, 1);
        return new GeoPoint(
            Math.Round(from.Lon + ((to.Lon - from.Lon) * fraction), 6),
            Math.Round(from.Lat + ((to.Lat - from.Lat) * fraction), 6));
    }

    private static TimeSpan Seconds(Random random, double from, double to) => TimeSpan.FromSeconds(from + (random.NextDouble() * (to - from)));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
