using Dispatch.Contracts;
using Dispatch.Server.Demo;

namespace Dispatch.Tests.Demo;

public sealed class ResponderScriptTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static readonly ResponderPlan Plain = new(
        Acknowledge: TimeSpan.FromSeconds(20), EnRoute: TimeSpan.FromSeconds(30), OnScene: TimeSpan.FromSeconds(120),
        Reinforcement: null, Finish: TimeSpan.FromSeconds(400), Ending: ResponderStep.Resolve, FeedSendsReinforcement: false);

    private static List<ResponderPlan> Plans(AssignmentRole role, TimeSpan lag, TimeSpan travel, int count = 2000, bool reinforcementExpected = false)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(_ => ResponderScript.Plan(role, lag, travel, reinforcementExpected, random)).ToList();
    }

    [TestCase(AssignmentState.Dispatched, ResponderStep.Acknowledge, 20)]
    [TestCase(AssignmentState.Acknowledged, ResponderStep.EnRoute, 30)]
    [TestCase(AssignmentState.EnRoute, ResponderStep.OnScene, 120)]
    [TestCase(AssignmentState.OnScene, ResponderStep.Resolve, 400)]
    public void Next_WhenInAState_NamesTheFollowingStepAndItsTime(AssignmentState state, ResponderStep step, int dueSeconds)
    {
        Assert.That(ResponderScript.Next(state, Plain, reinforcementRequested: false), Is.EqualTo(new ResponderMove(step, TimeSpan.FromSeconds(dueSeconds))));
    }

    [TestCase(AssignmentState.Cleared)]
    [TestCase(AssignmentState.Declined)]
    public void Next_WhenTheWorkIsOver_IsNothing(AssignmentState state)
    {
        Assert.That(ResponderScript.Next(state, Plain, false), Is.Null);
        Assert.That(ResponderScript.Due(state, TimeSpan.FromHours(1), Plain, false), Is.Null);
    }

    [Test]
    public void Next_WhenOnSceneAndReinforcementPlanned_AsksFirstThenFinishes()
    {
        var plan = Plain with { Reinforcement = TimeSpan.FromSeconds(150) };

        Assert.That(ResponderScript.Next(AssignmentState.OnScene, plan, false), Is.EqualTo(new ResponderMove(ResponderStep.RequestReinforcement, TimeSpan.FromSeconds(150))));
        Assert.That(ResponderScript.Next(AssignmentState.OnScene, plan, true), Is.EqualTo(new ResponderMove(ResponderStep.Resolve, TimeSpan.FromSeconds(400))));
    }

    [Test]
    public void Next_WhenReinforcementIsCalledBeforeArrival_ComesBetweenTheSteps()
    {
        var plan = Plain with { Reinforcement = TimeSpan.FromSeconds(25) };

        Assert.That(ResponderScript.Next(AssignmentState.Dispatched, plan, false)?.Step, Is.EqualTo(ResponderStep.Acknowledge), "not before acknowledging");
        Assert.That(ResponderScript.Next(AssignmentState.Acknowledged, plan, false), Is.EqualTo(new ResponderMove(ResponderStep.RequestReinforcement, TimeSpan.FromSeconds(25))));
        Assert.That(ResponderScript.Next(AssignmentState.Acknowledged, plan, true), Is.EqualTo(new ResponderMove(ResponderStep.EnRoute, TimeSpan.FromSeconds(30))));
    }

    [Test]
    public void Plan_WhenThePolicyExpectsReinforcement_CallsForItRightAfterAcknowledging_AndReinforcementsArriveWithinFiveMinutes()
    {
        var primaries = Plans(AssignmentRole.Primary, TimeSpan.Zero, Minute, 500, reinforcementExpected: true);
        var reinforcements = Plans(AssignmentRole.Reinforcement, TimeSpan.FromSeconds(40), Minute, 1000);

        Assert.That(primaries.Select(p => p.Reinforcement - p.Acknowledge), Is.All.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)));
        Assert.That(primaries.Count(p => p.FeedSendsReinforcement) / (double)primaries.Count, Is.InRange(0.78, 0.92));
        Assert.That(reinforcements.Count(p => TimeSpan.FromSeconds(40) + p.OnScene < 5 * Minute) / (double)reinforcements.Count, Is.InRange(0.74, 0.86));
    }

    [Test]
    public void Due_WhenTheTimeHasNotCome_IsNothing_AndOnceItHas_IsTheStep()
    {
        Assert.That(ResponderScript.Due(AssignmentState.Dispatched, TimeSpan.FromSeconds(19), Plain, false), Is.Null);
        Assert.That(ResponderScript.Due(AssignmentState.Dispatched, TimeSpan.FromSeconds(20), Plain, false), Is.EqualTo(ResponderStep.Acknowledge));
        Assert.That(ResponderScript.Due(AssignmentState.EnRoute, TimeSpan.FromSeconds(119), Plain, false), Is.Null);
        Assert.That(ResponderScript.Due(AssignmentState.EnRoute, TimeSpan.FromSeconds(500), Plain, false), Is.EqualTo(ResponderStep.OnScene));
    }

    [Test]
    public void Plan_WhenDrawnMany_IsInOrder()
    {
        foreach (var plan in Plans(AssignmentRole.Primary, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90)))
        {
            Assert.That(plan.Acknowledge, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(plan.EnRoute, Is.GreaterThan(plan.Acknowledge));
            Assert.That(plan.OnScene, Is.GreaterThan(plan.EnRoute));
            Assert.That(plan.Finish, Is.GreaterThan(plan.Reinforcement ?? plan.OnScene));
            Assert.That(plan.Reinforcement ?? plan.Finish, Is.GreaterThan(plan.OnScene));
        }
    }

    [Test]
    public void Plan_WhenDispatchedAtOnce_MostlyMeetsTheClocks_AndSometimesMissesThem()
    {
        var plans = Plans(AssignmentRole.Primary, TimeSpan.Zero, TimeSpan.FromSeconds(90));

        var acknowledgedInTime = plans.Count(p => p.Acknowledge < Minute) / (double)plans.Count;
        var arrivedInTime = plans.Count(p => p.OnScene < 3 * Minute) / (double)plans.Count;
        Assert.That(acknowledgedInTime, Is.InRange(0.82, 0.94), "about 88% acknowledge within the 1-minute clock");
        Assert.That(arrivedInTime, Is.InRange(0.74, 0.86), "about 80% arrive within the 3-minute clock");
    }

    [Test]
    public void Plan_WhenDispatchedLate_AnswersWithinWhatIsLeftOfTheClock()
    {
        var lag = TimeSpan.FromSeconds(30);
        var plans = Plans(AssignmentRole.Primary, lag, TimeSpan.FromSeconds(60));

        Assert.That(plans.Count(p => lag + p.Acknowledge < Minute) / (double)plans.Count, Is.GreaterThan(0.8));
        Assert.That(plans.Count(p => lag + p.OnScene < 3 * Minute) / (double)plans.Count, Is.GreaterThan(0.7));
    }

    [Test]
    public void Plan_WhenTheTripIsShort_ArrivesAfterTheTripNotBefore()
    {
        foreach (var plan in Plans(AssignmentRole.Primary, TimeSpan.Zero, TimeSpan.FromSeconds(40), 300))
        {
            Assert.That(plan.OnScene - plan.EnRoute, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(40)));
        }
    }

    [Test]
    public void Plan_ForPrimaries_SometimesHandsOverOrAsksForReinforcement_AndReinforcementsOnlyClear()
    {
        var primaries = Plans(AssignmentRole.Primary, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var reinforcements = Plans(AssignmentRole.Reinforcement, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(60), 300);

        Assert.That(primaries.Count(p => p.Ending == ResponderStep.HandOver) / (double)primaries.Count, Is.InRange(0.15, 0.25));
        Assert.That(primaries.Count(p => p.Reinforcement is not null) / (double)primaries.Count, Is.InRange(0.08, 0.16));
        Assert.That(primaries.Select(p => p.Ending), Is.All.AnyOf(ResponderStep.Resolve, ResponderStep.HandOver));
        Assert.That(reinforcements.Select(p => p.Ending), Is.All.EqualTo(ResponderStep.Clear));
        Assert.That(reinforcements.Select(p => p.Reinforcement), Is.All.Null);
    }

    [Test]
    public void Plan_WhenSeedIsTheSame_IsTheSame()
    {
        var first = ResponderScript.Plan(AssignmentRole.Primary, TimeSpan.Zero, Minute, false, new Random(3));
        var second = ResponderScript.Plan(AssignmentRole.Primary, TimeSpan.Zero, Minute, false, new Random(3));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void PositionAt_MovesFromStartToTargetWhileEnRoute()
    {
        var from = new GeoPoint(120.20, 30.28);
        var to = new GeoPoint(120.22, 30.30);

        Assert.That(ResponderScript.PositionAt(from, to, Plain, TimeSpan.FromSeconds(10)), Is.EqualTo(from), "not yet set off");
        Assert.That(ResponderScript.PositionAt(from, to, Plain, TimeSpan.FromSeconds(75)), Is.EqualTo(new GeoPoint(120.21, 30.29)), "half way");
        Assert.That(ResponderScript.PositionAt(from, to, Plain, TimeSpan.FromSeconds(500)), Is.EqualTo(to), "arrived");
    }
}
