using Dispatch.Contracts;
using Dispatch.Server.Assignment;

namespace Dispatch.Tests.Assignment;

public sealed class DispatchRulesTests
{
    private static readonly Guid Here = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    private static UnitSummary Unit(string code, UnitStatus status) => new(code, code, "PS-YUNFENG", UnitKind.PatrolCar, new GeoPoint(120.21, 30.28), DateTimeOffset.UnixEpoch, status);

    private static IReadOnlyList<UnitConflict> Conflicts(
        UnitSummary unit, bool overrideBusy, AssignmentRole role = AssignmentRole.Primary, IReadOnlyList<AssignmentSummary>? unitOpen = null, IReadOnlyList<AssignmentSummary>? here = null) =>
        DispatchRules.Conflicts(Here, [new DispatchLine(unit.Code, role)], new Dictionary<string, UnitSummary> { [unit.Code] = unit },
            _ => unitOpen ?? [], here ?? [], overrideBusy);

    [Test]
    public void Conflicts_WhenUnitAvailable_AreNone()
    {
        Assert.That(Conflicts(Unit("A", UnitStatus.Available), false), Is.Empty);
    }

    [TestCase(UnitStatus.OffDuty)]
    [TestCase(UnitStatus.Dispatched)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Busy)]
    public void Conflicts_WhenUnitNotAvailable_NameItAndMayBeOverridden(UnitStatus status)
    {
        var open = status is UnitStatus.Dispatched or UnitStatus.EnRoute or UnitStatus.OnScene
            ? new[] { AssignmentTransitionsTests.Assignment(AssignmentState.EnRoute, "A", Elsewhere) }
            : [];

        var conflicts = Conflicts(Unit("A", status), false, unitOpen: open);

        Assert.That(conflicts, Has.Count.EqualTo(1));
        Assert.That((conflicts[0].UnitCode, conflicts[0].Status, conflicts[0].Overridable), Is.EqualTo(("A", status, true)));
        Assert.That(conflicts[0].IncidentId, Is.EqualTo(open.Length > 0 ? Elsewhere : null));
        Assert.That(Conflicts(Unit("A", status), true, unitOpen: open), Is.Empty, "override dispatches it anyway");
    }

    [Test]
    public void Conflicts_WhenUnitAlreadyOnThisIncident_CannotBeOverridden()
    {
        var open = new[] { AssignmentTransitionsTests.Assignment(AssignmentState.Dispatched, "A", Here) };

        var conflicts = Conflicts(Unit("A", UnitStatus.Dispatched), true, AssignmentRole.Reinforcement, open, open);

        Assert.That(conflicts.Single().Overridable, Is.False);
    }

    [Test]
    public void Conflicts_WhenIncidentHasAnOpenPrimary_RefuseASecondPrimaryButTakeAReinforcement()
    {
        var here = new[] { AssignmentTransitionsTests.Assignment(AssignmentState.OnScene, "B", Here) };

        Assert.That(Conflicts(Unit("A", UnitStatus.Available), false, AssignmentRole.Primary, here: here).Single().Reason, Does.Contain("primary"));
        Assert.That(Conflicts(Unit("A", UnitStatus.Available), false, AssignmentRole.Reinforcement, here: here), Is.Empty);
    }

    private static IncidentSummary Incident(IncidentKind kind, int? priority, IncidentStatus status = IncidentStatus.Open) => new(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status, kind, "theft", "盗窃", "手机被偷", null, new GeoPoint(120.21, 30.28), 1, priority,
        Routing: new RoutingDecision(RoutingOutcome.Routed, new OrganisationRef("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation), [], null, []));

    [TestCase(IncidentKind.Police, 1, true)]
    [TestCase(IncidentKind.Police, 2, true)]
    [TestCase(IncidentKind.Dispute, 2, true)]
    [TestCase(IncidentKind.Police, 3, false)]
    [TestCase(IncidentKind.NonPolice, 1, false)]
    [TestCase(IncidentKind.Unknown, 1, false)]
    [TestCase(IncidentKind.Police, null, false)]
    public void AutoDispatchApplies_OnlyToUrgentPoliceWork(IncidentKind kind, int? priority, bool expected)
    {
        Assert.That(DispatchRules.AutoDispatchApplies(Incident(kind, priority)), Is.EqualTo(expected));
    }

    [Test]
    public void AutoDispatchApplies_NotWhenTheIncidentWaitsInTriage()
    {
        Assert.That(DispatchRules.AutoDispatchApplies(Incident(IncidentKind.Police, 1, IncidentStatus.NeedsTriage)), Is.False);
    }

    [Test]
    public void WithRoles_FirstUnitWithoutRoleIsPrimary_OthersReinforce()
    {
        var lines = DispatchRules.WithRoles([new DispatchLine("A", null), new DispatchLine("B", null)], []);

        Assert.That(lines, Is.EqualTo(new[] { new DispatchLine("A", AssignmentRole.Primary), new DispatchLine("B", AssignmentRole.Reinforcement) }));
    }

    [Test]
    public void WithRoles_IncidentWithOpenPrimary_SendsReinforcement()
    {
        var here = new[] { AssignmentTransitionsTests.Assignment(AssignmentState.OnScene, "A", Here) };

        Assert.That(DispatchRules.WithRoles([new DispatchLine("B", null)], here), Is.EqualTo(new[] { new DispatchLine("B", AssignmentRole.Reinforcement) }));
    }

    [Test]
    public void WithRoles_PrimaryCleared_NextUnitIsPrimaryAgain()
    {
        var here = new[] { AssignmentTransitionsTests.Assignment(AssignmentState.Cleared, "A", Here) };

        Assert.That(DispatchRules.WithRoles([new DispatchLine("B", null)], here), Is.EqualTo(new[] { new DispatchLine("B", AssignmentRole.Primary) }));
    }

    [Test]
    public void WithRoles_NamedRolesKept_AndANamedPrimaryMakesTheRestReinforce()
    {
        var lines = DispatchRules.WithRoles([new DispatchLine("A", null), new DispatchLine("B", AssignmentRole.Primary)], []);

        Assert.That(lines, Is.EqualTo(new[] { new DispatchLine("A", AssignmentRole.Reinforcement), new DispatchLine("B", AssignmentRole.Primary) }));
    }
}
