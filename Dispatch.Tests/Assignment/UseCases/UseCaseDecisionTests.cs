using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Assignment.UseCases;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;

namespace Dispatch.Tests.Assignment.UseCases;

/// <summary>The pure decisions of the dispatch use cases: who may act, the reinforcement and duty rules, the parsers.</summary>
public sealed class UseCaseDecisionTests
{
    private const string Street = "330102007";
    private static readonly OrganisationRef Police = new("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation);
    private static readonly OrganisationRef Justice = new("SF-YUNFENG", "云峰司法所", OrganisationType.JusticeOffice);

    private static readonly AccessScope Operator = new(Roles.Operator, false, [Street]);
    private static readonly AccessScope OtherStreet = new(Roles.Operator, false, ["330102008"]);
    private static readonly AccessScope Responder = new(Roles.Responder, false, ["YF-PC01"]);

    private static IncidentSummary Incident(IncidentStatus status = IncidentStatus.InProgress, OrganisationRef? organisation = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status, IncidentKind.Police, "fight", "打架", "两人打架", null,
            new GeoPoint(120.21, 30.28), 1,
            Jurisdiction: new Jurisdiction(null, new AreaRef(Street, "云峰街道"), null, null, null, false),
            Routing: organisation is null ? null : new RoutingDecision(RoutingOutcome.Routed, organisation, [], 1, []));

    private static AssignmentSummary On(IncidentSummary incident, string unit, AssignmentState state, AssignmentRole role = AssignmentRole.Primary) =>
        AssignmentTransitionsTests.Assignment(state, unit, incident.Id, role);

    private static Acting As(AccessScope scope) => new(new Actor("someone", scope.Role), scope);

    [Test]
    public void MayRead_AnOperatorInTheirAreas_ButNeitherElsewhereNorAResponder()
    {
        var incident = Incident();

        Assert.That(FieldAccess.MayRead(Operator, incident), Is.True);
        Assert.That(FieldAccess.MayRead(OtherStreet, incident), Is.False);
        Assert.That(FieldAccess.MayRead(Responder, incident), Is.False, "a responder reaches incidents through their assignments only");
        Assert.That(FieldAccess.MayRead(Operator, null), Is.False);
    }

    [Test]
    public void MayActOnAnAssignment_AResponderForTheirUnitOnly_AnOperatorWithinTheirAreas()
    {
        var incident = Incident();

        Assert.That(FieldAccess.MayActOn(Responder, On(incident, "YF-PC01", AssignmentState.Dispatched), null), Is.True);
        Assert.That(FieldAccess.MayActOn(Responder, On(incident, "YF-PC02", AssignmentState.Dispatched), null), Is.False);
        Assert.That(FieldAccess.MayActOn(Operator, On(incident, "YF-PC02", AssignmentState.Dispatched), incident), Is.True);
        Assert.That(FieldAccess.MayActOn(OtherStreet, On(incident, "YF-PC02", AssignmentState.Dispatched), incident), Is.False);
    }

    [TestCase(AssignmentState.OnScene, AssignmentRole.Primary, true)]
    [TestCase(AssignmentState.EnRoute, AssignmentRole.Primary, false)]
    [TestCase(AssignmentState.OnScene, AssignmentRole.Reinforcement, false)]
    public void MayClose_TheResponderOnlyAsThePrimaryOnScene(AssignmentState state, AssignmentRole role, bool expected)
    {
        var incident = Incident();

        Assert.That(FieldAccess.MayActOn(Responder, incident, [On(incident, "YF-PC01", state, role)], FieldAccess.PrimaryOnScene), Is.EqualTo(expected));
    }

    [Test]
    public void MayActOnAnIncident_AResponderWithoutAnAssignmentThere_MayNot()
    {
        var incident = Incident();

        Assert.That(FieldAccess.MayActOn(Responder, incident, [On(incident, "YF-PC02", AssignmentState.OnScene)], FieldAccess.OnScene), Is.False);
        Assert.That(FieldAccess.MayActOn(Responder, null, [On(incident, "YF-PC01", AssignmentState.OnScene)], FieldAccess.OnScene), Is.False);
        Assert.That(FieldAccess.MayActOn(Operator, incident, [], FieldAccess.OnScene), Is.True, "an operator needs no assignment");
    }

    [Test]
    public void DutyForbidden_OnlyAResponderNamingAnotherUnit()
    {
        Assert.That(FieldAccess.DutyForbidden(Responder, "YF-PC02")?.Kind, Is.EqualTo(RefusalKind.Forbidden));
        Assert.That(FieldAccess.DutyForbidden(Responder, "YF-PC01"), Is.Null);
        Assert.That(FieldAccess.DutyForbidden(Operator, "YF-PC02"), Is.Null, "an operator's reach is the unit's scope, checked once the unit is read");
    }

    [Test]
    public void Reinforcement_OnAClosedIncident_IsAConflictEvenFromTheScene()
    {
        var incident = Incident(IncidentStatus.Closed);

        var refusal = RequestReinforcement.Decide(incident.Id, As(Responder), incident, [On(incident, "YF-PC01", AssignmentState.OnScene)]);

        Assert.That((refusal?.Kind, refusal?.Title), Is.EqualTo((RefusalKind.Conflict, "事件已结束 / The incident is closed")));
        Assert.That(refusal!.Extensions!["status"], Is.EqualTo("Closed"));
    }

    [Test]
    public void Reinforcement_FromAResponderNotOnScene_IsNotFound_FromTheSceneOrTheCentre_IsAllowed()
    {
        var incident = Incident();

        Assert.That(RequestReinforcement.Decide(incident.Id, As(Responder), incident, [On(incident, "YF-PC01", AssignmentState.EnRoute)])?.Kind,
            Is.EqualTo(RefusalKind.NotFound));
        Assert.That(RequestReinforcement.Decide(incident.Id, As(Responder), incident, [On(incident, "YF-PC01", AssignmentState.OnScene)]), Is.Null);
        Assert.That(RequestReinforcement.Decide(incident.Id, As(Operator), incident, []), Is.Null);
        Assert.That(RequestReinforcement.Decide(incident.Id, As(OtherStreet), incident, [])?.Kind, Is.EqualTo(RefusalKind.NotFound));
    }

    [TestCase(UnitStatus.Available, false, UnitStatus.OffDuty)]
    [TestCase(UnitStatus.OffDuty, true, UnitStatus.Available)]
    public void Duty_SignsOnAndOff(UnitStatus current, bool onDuty, UnitStatus expected)
    {
        Assert.That(SetDuty.Decide("YF-PC01", current, onDuty, null), Is.EqualTo(new DutyDecision(expected, null)));
    }

    [TestCase(UnitStatus.Available, true)]
    [TestCase(UnitStatus.OffDuty, false)]
    [TestCase(UnitStatus.EnRoute, true)]
    public void Duty_ARepeatOrSigningOnWithWorkInHand_ChangesNothing(UnitStatus current, bool onDuty)
    {
        Assert.That(SetDuty.Decide("YF-PC01", current, onDuty, null), Is.SameAs(DutyDecision.Unchanged));
    }

    [Test]
    public void Duty_SigningOffWithOpenWork_IsAConflictNamingTheIncident()
    {
        var work = AssignmentTransitionsTests.Assignment(AssignmentState.EnRoute);

        var decision = SetDuty.Decide("YF-PC01", UnitStatus.EnRoute, false, work);

        Assert.That((decision.Target, decision.Refused?.Kind), Is.EqualTo(((UnitStatus?)null, RefusalKind.Conflict)));
        Assert.That(decision.Refused!.Extensions!["currentIncident"], Is.EqualTo(work.IncidentId));
    }

    [Test]
    public void FollowUpOrganisation_IsTheOneNamed_ElseTheResponsibleOne_ElseNone()
    {
        Assert.That(FollowUpOrganisation.Of(Incident(organisation: Police), Justice), Is.EqualTo(Justice));
        Assert.That(FollowUpOrganisation.Of(Incident(organisation: Police), null), Is.EqualTo(Police));
        Assert.That(FollowUpOrganisation.Of(Incident(), null), Is.Null);
    }

    [Test]
    public void ParseDispatch_ReadsUnitsAndRoles()
    {
        var (order, invalid) = DispatchUnits.Parse(new DispatchRequest
        {
            Units = [new() { Code = " YF-PC01 " }, new() { Code = "YF-PC02", Role = "Reinforcement" }],
        });

        Assert.That(invalid, Is.Null);
        // No role: decided against the incident's assignments when it is dispatched (DispatchRules.WithRoles).
        Assert.That(order!.Lines, Is.EqualTo(new[] { new DispatchLine("YF-PC01", null), new DispatchLine("YF-PC02", AssignmentRole.Reinforcement) }));
        Assert.That((order.OverrideBusy, order.OverrideReason), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public void ParseDispatch_NamesEveryBadField()
    {
        var (order, invalid) = DispatchUnits.Parse(new DispatchRequest
        {
            Units = [new() { Code = "A" }, new() { Code = "A" }, new() { Code = "B", Role = "boss" }, new() { Code = "" }],
            Override = true,
        });

        Assert.That(order, Is.Null);
        Assert.That(invalid!.Kind, Is.EqualTo(RefusalKind.Invalid));
        Assert.That(invalid.Errors!.Keys, Is.EquivalentTo(new[] { "units[1].code", "units[2].role", "units[3].code", "reason" }));
        Assert.That(DispatchUnits.Parse(null).Invalid!.Errors!.Keys, Is.EqualTo(new[] { "units" }));
    }

    [Test]
    public void RefuseDispatch_NamesTheFirstConflictsUnitAndWhereItWorks()
    {
        var here = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        var conflicts = new[]
        {
            new UnitConflict("YF-PC02", UnitStatus.EnRoute, elsewhere, "busy", true),
            new UnitConflict("YF-PC03", UnitStatus.OffDuty, null, "off", true),
        };

        var refusal = DispatchUnits.Refuse(here, conflicts);

        Assert.That((refusal.Kind, refusal.Detail), Is.EqualTo((RefusalKind.Conflict, "busy off")));
        Assert.That((refusal.Extensions!["unit"], refusal.Extensions["unitStatus"], refusal.Extensions["currentIncident"]),
            Is.EqualTo(("YF-PC02", "EnRoute", (object?)elsewhere)));
        Assert.That(DispatchUnits.Refuse(here, [conflicts[0] with { IncidentId = here }]).Extensions!["currentIncident"], Is.Null,
            "a unit already on this incident has no other incident to name");
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void FieldText_Required_RefusesBlankNamingTheField(string? text)
    {
        var (value, invalid) = FieldText.Required(text, "reason", "title");

        Assert.That(value, Is.Null);
        Assert.That(invalid!.Errors!.Keys, Is.EqualTo(new[] { "reason" }));
        Assert.That(FieldText.Required(new string('x', FieldText.MaxLength + 1), "reason", "title").Invalid, Is.Not.Null);
        Assert.That(FieldText.Required(" 人手不够 ", "reason", "title").Text, Is.EqualTo("人手不够"));
    }

    [TestCase(RefusalKind.Invalid, 400)]
    [TestCase(RefusalKind.NotFound, 404)]
    [TestCase(RefusalKind.Forbidden, 403)]
    [TestCase(RefusalKind.Conflict, 409)]
    public void RefusalAnswer_IsTheOnePlaceAStatusIsChosen(RefusalKind kind, int status)
    {
        Assert.That(RefusalAnswer.StatusOf(kind), Is.EqualTo(status));
    }

    [Test]
    public void Stamp_OnSceneWithoutAcknowledging_StampsBoth_AndDeclineKeepsTheReason()
    {
        var at = DateTimeOffset.UnixEpoch.AddMinutes(3);
        var dispatched = AssignmentTransitionsTests.Assignment(AssignmentState.Dispatched);

        var onScene = AssignmentTransitions.Stamp(dispatched, AssignmentState.OnScene, at, null);
        var declined = AssignmentTransitions.Stamp(dispatched, AssignmentState.Declined, at, "车坏了");

        Assert.That((onScene.State, onScene.AcknowledgedAt, onScene.OnSceneAt, AssignmentTransitions.StepTime(onScene)),
            Is.EqualTo((AssignmentState.OnScene, (DateTimeOffset?)at, (DateTimeOffset?)at, at)));
        Assert.That((declined.DeclinedAt, declined.DeclineReason), Is.EqualTo(((DateTimeOffset?)at, "车坏了")));
    }
}
