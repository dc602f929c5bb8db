using Dispatch.Contracts;
using Dispatch.Server.Assignment;

namespace Dispatch.Tests.Assignment;

public sealed class AssignmentTransitionsTests
{
    private const string Refused = "refused";
    private const string Repeat = "repeat";

    /// <summary>Every state × every action: the new state, a harmless repeat, or a refusal.</summary>
    private static readonly object[] Table =
    [
        new object[] { AssignmentState.Dispatched, AssignmentAction.Acknowledge, "Acknowledged" },
        new object[] { AssignmentState.Dispatched, AssignmentAction.EnRoute, "EnRoute" },
        new object[] { AssignmentState.Dispatched, AssignmentAction.OnScene, "OnScene" },
        new object[] { AssignmentState.Dispatched, AssignmentAction.Clear, "Cleared" },
        new object[] { AssignmentState.Dispatched, AssignmentAction.Decline, "Declined" },
        new object[] { AssignmentState.Acknowledged, AssignmentAction.Acknowledge, Repeat },
        new object[] { AssignmentState.Acknowledged, AssignmentAction.EnRoute, "EnRoute" },
        new object[] { AssignmentState.Acknowledged, AssignmentAction.OnScene, "OnScene" },
        new object[] { AssignmentState.Acknowledged, AssignmentAction.Clear, "Cleared" },
        new object[] { AssignmentState.Acknowledged, AssignmentAction.Decline, "Declined" },
        new object[] { AssignmentState.EnRoute, AssignmentAction.Acknowledge, Refused },
        new object[] { AssignmentState.EnRoute, AssignmentAction.EnRoute, Repeat },
        new object[] { AssignmentState.EnRoute, AssignmentAction.OnScene, "OnScene" },
        new object[] { AssignmentState.EnRoute, AssignmentAction.Clear, "Cleared" },
        new object[] { AssignmentState.EnRoute, AssignmentAction.Decline, "Declined" },
        new object[] { AssignmentState.OnScene, AssignmentAction.Acknowledge, Refused },
        new object[] { AssignmentState.OnScene, AssignmentAction.EnRoute, Refused },
        new object[] { AssignmentState.OnScene, AssignmentAction.OnScene, Repeat },
        new object[] { AssignmentState.OnScene, AssignmentAction.Clear, "Cleared" },
        new object[] { AssignmentState.OnScene, AssignmentAction.Decline, Refused },
        new object[] { AssignmentState.Cleared, AssignmentAction.Acknowledge, Refused },
        new object[] { AssignmentState.Cleared, AssignmentAction.EnRoute, Refused },
        new object[] { AssignmentState.Cleared, AssignmentAction.OnScene, Refused },
        new object[] { AssignmentState.Cleared, AssignmentAction.Clear, Repeat },
        new object[] { AssignmentState.Cleared, AssignmentAction.Decline, Refused },
        new object[] { AssignmentState.Declined, AssignmentAction.Acknowledge, Refused },
        new object[] { AssignmentState.Declined, AssignmentAction.EnRoute, Refused },
        new object[] { AssignmentState.Declined, AssignmentAction.OnScene, Refused },
        new object[] { AssignmentState.Declined, AssignmentAction.Clear, Refused },
        new object[] { AssignmentState.Declined, AssignmentAction.Decline, Repeat },
    ];

    [TestCaseSource(nameof(Table))]
    public void Next_ForEveryStateAndAction_IsAsTheTableSays(AssignmentState current, AssignmentAction action, string expected)
    {
        var next = AssignmentTransitions.Next(current, action);

        var actual = next.Refused ? Refused : !next.Changed ? Repeat : next.State.ToString();
        Assert.That(actual, Is.EqualTo(expected));
        if (next.Refused || !next.Changed)
        {
            Assert.That(next.State, Is.EqualTo(current), "a refusal or a repeat leaves the state as it is");
        }
    }

    [Test]
    public void Table_CoversEveryPair()
    {
        Assert.That(Table.Length, Is.EqualTo(Enum.GetValues<AssignmentState>().Length * Enum.GetValues<AssignmentAction>().Length));
    }

    [Test]
    public void Next_WhenRefused_NamesTheCurrentState()
    {
        Assert.That(AssignmentTransitions.Next(AssignmentState.OnScene, AssignmentAction.Acknowledge).Refusal, Does.Contain("OnScene"));
    }

    [TestCase(AssignmentState.Dispatched, UnitStatus.Dispatched)]
    [TestCase(AssignmentState.Acknowledged, UnitStatus.Dispatched)]
    [TestCase(AssignmentState.EnRoute, UnitStatus.EnRoute)]
    [TestCase(AssignmentState.OnScene, UnitStatus.OnScene)]
    public void UnitStatusAfter_FollowsTheNewestOpenAssignment(AssignmentState open, UnitStatus expected)
    {
        var assignments = new[] { Assignment(AssignmentState.Cleared), Assignment(open), Assignment(AssignmentState.OnScene) };

        Assert.That(AssignmentTransitions.UnitStatusAfter(assignments), Is.EqualTo(expected));
    }

    [Test]
    public void UnitStatusAfter_WhenNothingIsOpen_IsAvailable()
    {
        Assert.That(AssignmentTransitions.UnitStatusAfter([Assignment(AssignmentState.Cleared), Assignment(AssignmentState.Declined)]), Is.EqualTo(UnitStatus.Available));
    }

    internal static AssignmentSummary Assignment(AssignmentState state, string unit = "YF-PC01", Guid? incident = null, AssignmentRole role = AssignmentRole.Primary) =>
        new(Guid.NewGuid(), incident ?? Guid.NewGuid(), unit, role, state, DateTimeOffset.UnixEpoch, null, null, null, null, null, null, "op", null, 1);
}
