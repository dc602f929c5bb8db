using Dispatch.Contracts;
using Dispatch.Server.Clock;

namespace Dispatch.Tests.Clock;

public sealed class ClockRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(1);

    private static IncidentSummary Incident(string? category = null) =>
        new(Id, T0, T0.AddSeconds(2), IncidentStatus.Open, IncidentKind.Police, category, null, "有人打架", null, null, 1);

    private static IReadOnlyList<IncidentClock> Started(ResponsePolicy? policy = null) =>
        ClockPolicy.Start(Incident(), policy, 0.8, T0.AddSeconds(2));

    private static AssignmentChanged Unit(AssignmentState state, AssignmentRole role = AssignmentRole.Primary, int atSeconds = 30) =>
        new(Guid.NewGuid(), Id, "YF-PC01", role, state, T0.AddSeconds(atSeconds), "responder");

    [Test]
    public void Start_WithoutPolicy_RespondAndArriveOnTheOneThreeRule()
    {
        var clocks = Started();

        Assert.That(clocks.Select(c => c.Kind), Is.EqualTo(new[] { ClockKind.Respond, ClockKind.Arrive }), "no reinforce unless requested or required");
        Assert.That(clocks[0].DueAt, Is.EqualTo(T0.AddMinutes(1)));
        Assert.That(clocks[0].WarnAt, Is.EqualTo(T0.AddSeconds(48)), "80% of one minute");
        Assert.That(clocks[1].DueAt, Is.EqualTo(T0.AddMinutes(3)));
        Assert.That(clocks.All(c => c.State == ClockState.Running && c.StartedAt == T0), Is.True);
    }

    [Test]
    public void Start_WhenPolicyExpectsReinforcement_StartsTheReinforceClockFromT0()
    {
        var clocks = Started(new ResponsePolicy(1, 5, 10));

        Assert.That(clocks.Single(c => c.Kind == ClockKind.Reinforce).DueAt, Is.EqualTo(T0.AddMinutes(10)));
        Assert.That(clocks.Single(c => c.Kind == ClockKind.Arrive).DueAt, Is.EqualTo(T0.AddMinutes(5)));
    }

    [TestCase(AssignmentState.Acknowledged, AssignmentRole.Primary)]
    [TestCase(AssignmentState.Acknowledged, AssignmentRole.Reinforcement)]
    [TestCase(AssignmentState.EnRoute, AssignmentRole.Primary)]
    public void Apply_WhenAUnitResponds_MeetsRespondOnly(AssignmentState state, AssignmentRole role)
    {
        var changes = ClockRules.Apply(Started(), Unit(state, role), T0.AddSeconds(31));

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(changes[0].After.Kind, Is.EqualTo(ClockKind.Respond));
        Assert.That(changes[0].After.State, Is.EqualTo(ClockState.Met));
        Assert.That(changes[0].After.MetAt, Is.EqualTo(T0.AddSeconds(30)));
        Assert.That(changes[0].After.ToView().TakenSeconds, Is.EqualTo(30));
    }

    [TestCase(AssignmentState.Dispatched)]
    [TestCase(AssignmentState.Declined)]
    [TestCase(AssignmentState.Cleared)]
    public void Apply_WhenUnitIsDispatchedDeclinesOrClears_MeetsNothing(AssignmentState state)
    {
        Assert.That(ClockRules.Apply(Started(new ResponsePolicy(1, 3, 5)), Unit(state), T0.AddSeconds(31)), Is.Empty);
    }

    [Test]
    public void Apply_WhenDeclinedThenAnotherUnitAcknowledges_TheSecondMeetsRespond()
    {
        var clocks = Started();
        Assert.That(ClockRules.Apply(clocks, Unit(AssignmentState.Declined, atSeconds: 20), T0.AddSeconds(20)), Is.Empty);

        var changes = ClockRules.Apply(clocks, Unit(AssignmentState.Acknowledged, atSeconds: 40) with { UnitCode = "YF-PC02" }, T0.AddSeconds(40));

        Assert.That(changes.Single().After.MetAt, Is.EqualTo(T0.AddSeconds(40)));
    }

    [Test]
    public void Apply_WhenPrimaryOnScene_MeetsRespondAndArrive()
    {
        var changes = ClockRules.Apply(Started(new ResponsePolicy(1, 3, 5)), Unit(AssignmentState.OnScene, atSeconds: 50), T0.AddSeconds(50));

        Assert.That(changes.Select(c => c.After.Kind), Is.EquivalentTo(new[] { ClockKind.Respond, ClockKind.Arrive }));
    }

    [Test]
    public void Apply_WhenReinforcementOnScene_MeetsReinforceNotArrive()
    {
        var clocks = Started(new ResponsePolicy(1, 3, 5)).Select(c => c.Kind == ClockKind.Respond ? c with { State = ClockState.Met, MetAt = T0 } : c).ToList();

        var changes = ClockRules.Apply(clocks, Unit(AssignmentState.OnScene, AssignmentRole.Reinforcement, 200), T0.AddSeconds(200));

        Assert.That(changes.Single().After.Kind, Is.EqualTo(ClockKind.Reinforce));
        Assert.That(changes.Single().After.State, Is.EqualTo(ClockState.Met));
    }

    [Test]
    public void Apply_WhenUnitComesAfterTheBreach_KeepsTheBreachAndRecordsTheTimeTaken()
    {
        var clocks = Started().Select(c => c with { State = ClockState.Breached, BreachedAt = c.DueAt }).ToList();

        var change = ClockRules.Apply(clocks, Unit(AssignmentState.Acknowledged, atSeconds: 75), T0.AddSeconds(75)).Single();

        Assert.That(change.After.State, Is.EqualTo(ClockState.Breached));
        Assert.That(change.After.ToView().TakenSeconds, Is.EqualTo(75));
        Assert.That(change.Action, Is.EqualTo(ClockActions.MetAfterBreach));
    }

    [Test]
    public void Apply_WhenUnitComesAfterDueButBeforeTheSweep_IsABreachNotAMeet()
    {
        var change = ClockRules.Apply(Started(), Unit(AssignmentState.Acknowledged, atSeconds: 61), T0.AddSeconds(61)).Single();

        Assert.That(change.After.State, Is.EqualTo(ClockState.Breached));
    }

    [Test]
    public void Apply_WhenReinforcementRequested_StartsReinforceDueFromT0WithTheDefaultFiveMinutes()
    {
        var request = new ReinforcementRequested(Id, T0.AddMinutes(2), "operator", "人多");

        var change = ClockRules.Apply(Started(), request, T0, policy: null, 0.8, T0.AddMinutes(2)).Single();

        Assert.That(change.Before, Is.Null);
        Assert.That(change.After.Kind, Is.EqualTo(ClockKind.Reinforce));
        Assert.That(change.After.DueAt, Is.EqualTo(T0.AddMinutes(5)));
    }

    [Test]
    public void Apply_WhenReinforceAlreadyRuns_RequestChangesNothing()
    {
        var request = new ReinforcementRequested(Id, T0.AddMinutes(2), "operator", null);

        Assert.That(ClockRules.Apply(Started(new ResponsePolicy(1, 3, 5)), request, T0, new ResponsePolicy(1, 3, 5), 0.8, T0.AddMinutes(2)), Is.Empty);
    }

    [Test]
    public void Apply_WhenHandedTo119_MeetsRespondOnly_ArriveKeepsRunningForThePolice()
    {
        var linked = new IncidentLinked(Id, LinkageService.Fire, "119-20261122-ABCDEF", null, null, T0.AddSeconds(40), "operator");

        var change = ClockRules.Apply(Started(), linked, T0.AddSeconds(40)).Single();

        Assert.That(change.After.Kind, Is.EqualTo(ClockKind.Respond));
        Assert.That(change.After.State, Is.EqualTo(ClockState.Met));
        Assert.That(change.After.MetAt, Is.EqualTo(T0.AddSeconds(40)));
    }

    [Test]
    public void Apply_WhenHandedOffAfterRespondWasMet_ChangesNothing()
    {
        var clocks = Started().Select(c => c.Kind == ClockKind.Respond ? c with { State = ClockState.Met, MetAt = T0.AddSeconds(10) } : c).ToList();
        var linked = new IncidentLinked(Id, LinkageService.Medical, "120-20261122-ABCDEF", null, null, T0.AddSeconds(40), "operator");

        Assert.That(ClockRules.Apply(clocks, linked, T0.AddSeconds(40)), Is.Empty);
    }

    [Test]
    public void Apply_WhenIncidentCloses_CancelsRunningClocksOnly()
    {
        var clocks = Started().Select(c => c.Kind == ClockKind.Respond ? c with { State = ClockState.Met, MetAt = T0.AddSeconds(10) } : c).ToList();

        var changes = ClockRules.Apply(clocks, new IncidentClosed(Id, false, "已处置", null, T0.AddMinutes(2), "operator"), T0.AddMinutes(2));

        Assert.That(changes.Single().After.Kind, Is.EqualTo(ClockKind.Arrive));
        Assert.That(changes.Single().After.State, Is.EqualTo(ClockState.Cancelled));
    }

    [Test]
    public void Fire_BeforeTheWarningPoint_DoesNothing()
    {
        Assert.That(ClockRules.Fire(Started()[0], T0.AddSeconds(47), LateAfter), Is.Null);
    }

    [Test]
    public void Fire_AtTheWarningPoint_Warns()
    {
        var change = ClockRules.Fire(Started()[0], T0.AddSeconds(48), LateAfter)!;

        Assert.That(change.After.State, Is.EqualTo(ClockState.Warned));
        Assert.That(change.After.WarnedAt, Is.EqualTo(T0.AddSeconds(48)));
    }

    [Test]
    public void Fire_WhenDue_BreachesOnTime()
    {
        var warned = Started()[0] with { State = ClockState.Warned };

        var change = ClockRules.Fire(warned, T0.AddSeconds(60.5), LateAfter)!;

        Assert.That(change.After.State, Is.EqualTo(ClockState.Breached));
        Assert.That(change.After.Late, Is.False);
    }

    [Test]
    public void Fire_WhenDuePassedLongAgo_BreachesStraightFromRunningMarkedLate()
    {
        var change = ClockRules.Fire(Started()[0], T0.AddMinutes(10), LateAfter)!;

        Assert.That(change.After.State, Is.EqualTo(ClockState.Breached));
        Assert.That(change.After.WarnedAt, Is.Null, "no warning for a clock that is already due");
        Assert.That(change.After.Late, Is.True);
    }

    [TestCase(ClockState.Met)]
    [TestCase(ClockState.Breached)]
    [TestCase(ClockState.Cancelled)]
    public void Fire_WhenStopped_DoesNothing(ClockState state)
    {
        Assert.That(ClockRules.Fire(Started()[0] with { State = state }, T0.AddMinutes(10), LateAfter), Is.Null);
    }
}
