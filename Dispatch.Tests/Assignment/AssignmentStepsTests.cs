using Dispatch.Contracts;
using Dispatch.Server.Assignment;

namespace Dispatch.Tests.Assignment;

public sealed class AssignmentStepsTests
{
    private static IReadOnlyList<string> Offered(AssignmentState state, AssignmentRole role = AssignmentRole.Primary, IncidentStatus incident = IncidentStatus.InProgress) =>
        AssignmentSteps.Offered(AssignmentTransitionsTests.Assignment(state, role: role), incident);

    [Test]
    public void Offered_WhenDispatched_IsAcknowledgeFirstThenDecline()
    {
        Assert.That(Offered(AssignmentState.Dispatched), Is.EqualTo(new[] { "acknowledge", "decline" }));
    }

    [Test]
    public void Offered_OnTheWay_MovesForwardOneStepAtATime()
    {
        Assert.That(Offered(AssignmentState.Acknowledged), Is.EqualTo(new[] { "en-route", "decline" }));
        Assert.That(Offered(AssignmentState.EnRoute), Is.EqualTo(new[] { "on-scene", "decline" }));
    }

    [Test]
    public void Offered_OnScene_LetsOnlyThePrimaryResolveOrHandOverAndAReinforcementClear()
    {
        Assert.That(Offered(AssignmentState.OnScene), Is.EqualTo(new[] { "resolve", "reinforce", "hand-over" }));
        Assert.That(Offered(AssignmentState.OnScene, AssignmentRole.Reinforcement), Is.EqualTo(new[] { "clear", "reinforce" }));
    }

    [Test]
    public void Offered_WhenFinishedOrTheIncidentIsClosed_IsNothing()
    {
        Assert.That(Offered(AssignmentState.Cleared), Is.Empty);
        Assert.That(Offered(AssignmentState.Declined), Is.Empty);
        Assert.That(Offered(AssignmentState.EnRoute, incident: IncidentStatus.Closed), Is.Empty);
    }

    [Test]
    public void Offered_EveryStepOnTheAssignment_IsOneTheStateMachineTakes()
    {
        var actions = new Dictionary<string, AssignmentAction>
        {
            ["acknowledge"] = AssignmentAction.Acknowledge, ["en-route"] = AssignmentAction.EnRoute, ["on-scene"] = AssignmentAction.OnScene,
            ["clear"] = AssignmentAction.Clear, ["decline"] = AssignmentAction.Decline,
        };
        foreach (var state in Enum.GetValues<AssignmentState>())
        {
            foreach (var role in Enum.GetValues<AssignmentRole>())
            {
                foreach (var step in Offered(state, role).Where(actions.ContainsKey))
                {
                    Assert.That(AssignmentTransitions.Next(state, actions[step]).Changed, Is.True, $"{step} offered in {state} ({role})");
                }
            }
        }
    }
}
