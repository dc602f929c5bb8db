using Dispatch.Contracts;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;

namespace Dispatch.Tests.TaskOrders;

/// <summary>The task-order use cases' pure decisions: who may act, the history line, parsing, and issuing by hand.</summary>
public sealed class TaskOrderUseCaseTests
{
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly OrganisationRef Chengguan = new("CG-YUNFENG", "云峰城管中队", OrganisationType.UrbanManagement);
    private static readonly OrganisationRef Market = new("SJ-YUNFENG", "云峰市场监管所", OrganisationType.MarketRegulation);
    private static readonly OrganisationSnapshot Directory = new([
        new OrganisationSummary(Chengguan.Code, Chengguan.Name, Chengguan.Type, ["330102007"]),
        new OrganisationSummary(Market.Code, Market.Name, Market.Type, ["330102007"]),
    ]);

    private static TaskOrder Order(TaskOrderStatus status = TaskOrderStatus.Issued, string? street = "330102007") => new(
        Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, Chengguan, status, "清理占道经营", "street-vending", 5,
        Issued, "operator", Issued, Calendar.DueAt(Issued, 5).Due, StreetCode: street);

    private static AccessScope Scope(string role, params string[] codes) => new(role, role == Roles.Admin, codes);

    private static (Transition? Transition, StepRefusal? Refusal) Decide(AccessScope scope, TaskOrder order, TaskOrderCommand command) =>
        TaskOrderStep.Decide(scope, order, command, Issued.AddHours(1), Calendar);

    [Test]
    public void Decide_HandlerOfAnotherOrganisation_IsNotTheirs_EvenWhenTheStepWouldBeRefused()
    {
        var (transition, refusal) = Decide(Scope(Roles.DepartmentHandler, Market.Code), Order(TaskOrderStatus.Closed), new AcceptTaskOrder());

        Assert.That(transition, Is.Null);
        Assert.That(refusal, Is.EqualTo(new StepRefusal.NotYours(Chengguan, TaskOrderActions.Accepted)));
    }

    [Test]
    public void Decide_OperatorOfAnotherArea_DoesNotFindTheOrder()
    {
        var (_, refusal) = Decide(Scope(Roles.Operator, "330102008"), Order(), new AcceptTaskOrder());

        Assert.That(refusal, Is.TypeOf<StepRefusal.NotFound>());
    }

    [Test]
    public void Decide_StepOutOfPlace_IsNotNow_WithTheCurrentOrder()
    {
        var order = Order(TaskOrderStatus.Issued);

        var (_, refusal) = Decide(Scope(Roles.DepartmentHandler, Chengguan.Code), order, new CompleteTaskOrder("已清理"));

        var notNow = (StepRefusal.NotNow)refusal!;
        Assert.That(notNow.Why, Does.Contain("accept the task order before completing it"));
        Assert.That(notNow.Current.Id, Is.EqualTo(order.Id));
        Assert.That(notNow.Current.Status, Is.EqualTo(TaskOrderStatus.Issued));
    }

    [Test]
    public void Decide_TheOrganisationsHandler_Accepts()
    {
        var (transition, refusal) = Decide(Scope(Roles.DepartmentHandler, Chengguan.Code), Order(), new AcceptTaskOrder());

        Assert.That(refusal, Is.Null);
        Assert.That(transition!.After!.Status, Is.EqualTo(TaskOrderStatus.Accepted));
        Assert.That(transition.Changed, Is.True);
    }

    [Test]
    public void Decide_UnplacedOrder_IsSeenByOperatorsButNotByResponders()
    {
        var unplaced = Order(street: null);

        Assert.That(Decide(Scope(Roles.Operator, "330102008"), unplaced, new CloseTaskOrder()).Refusal, Is.TypeOf<StepRefusal.NotNow>());
        Assert.That(Decide(Scope(Roles.Responder, "330102008"), unplaced, new CloseTaskOrder()).Refusal, Is.TypeOf<StepRefusal.NotFound>());
    }

    [Test]
    public void HistoryLine_KeepsTheResultOfACompletion_TheCommentOfAnEvaluation_AndTheReasonOfAReturn()
    {
        var accepted = Order(TaskOrderStatus.Accepted);
        var completed = new CompleteTaskOrder("已清理").Apply(accepted, Issued.AddHours(2), Calendar).After!;
        var evaluated = new EvaluateTaskOrder(CitizenRating.Satisfied, "很快").Apply(completed, Issued.AddHours(3), Calendar).After!;
        var returned = new ReturnTaskOrder("不属本单位").Apply(accepted, Issued.AddHours(2), Calendar).After!;

        var completion = TaskOrderStep.HistoryLine(accepted, completed, new CompleteTaskOrder("已清理"), Issued.AddHours(2), "handler", Roles.DepartmentHandler);
        var evaluation = TaskOrderStep.HistoryLine(completed, evaluated, new EvaluateTaskOrder(CitizenRating.Satisfied, "很快"), Issued.AddHours(3), "op", Roles.Operator);
        var ret = TaskOrderStep.HistoryLine(accepted, returned, new ReturnTaskOrder("不属本单位"), Issued.AddHours(2), "handler", Roles.DepartmentHandler);

        Assert.That((completion.Reason, completion.OnTime, completion.FromStatus, completion.ToStatus),
            Is.EqualTo(("已清理", (bool?)true, (TaskOrderStatus?)TaskOrderStatus.Accepted, TaskOrderStatus.Completed)));
        Assert.That((evaluation.Reason, evaluation.Rating, evaluation.OnTime), Is.EqualTo(("很快", (CitizenRating?)CitizenRating.Satisfied, (bool?)null)));
        Assert.That((ret.Reason, ret.PreviousOrganisationCode, ret.PreviousDueAt), Is.EqualTo(("不属本单位", (string?)null, (DateTimeOffset?)null)));
    }

    [Test]
    public void HistoryLine_OfAReassignment_NamesThePreviousOrganisationAndDueTime()
    {
        var returned = Order(TaskOrderStatus.Returned) with { Reason = "不属本单位" };
        var command = new ReassignTaskOrder(Market, "市场监管职责");
        // Past the National Day holiday, so the fresh due time differs from the one the order was issued with.
        var after = command.Apply(returned, Issued.AddDays(20), Calendar).After!;

        var line = TaskOrderStep.HistoryLine(returned, after, command, Issued.AddDays(20), "op", Roles.Operator);

        Assert.That((line.OrganisationCode, line.PreviousOrganisationCode, line.PreviousDueAt, line.Reason),
            Is.EqualTo((Market.Code, (string?)Chengguan.Code, (DateTimeOffset?)returned.DueAt, (string?)"市场监管职责")));
    }

    [TestCase("满意", CitizenRating.Satisfied)]
    [TestCase(" 基本满意 ", CitizenRating.BasicallySatisfied)]
    [TestCase("dissatisfied", CitizenRating.Dissatisfied)]
    [TestCase("2", null)]
    [TestCase("很好", null)]
    public void ParseRating_TakesChineseOrTheName_NeverANumber(string text, CitizenRating? expected) =>
        Assert.That(EvaluateTaskOrder.ParseRating(text), Is.EqualTo(expected));

    [Test]
    public void Parse_Reassign_ToAnUnknownOrganisation_SaysWhichField()
    {
        var fields = new StepFields(new TaskOrderRequest { OrganisationCode = "NOPE", Reason = "改派" }, Directory);

        Assert.That(ReassignTaskOrder.Parse(fields), Is.Null);
        Assert.That(fields.Errors.Keys, Is.EqualTo(new[] { "organisationCode" }));
    }

    [Test]
    public void Parse_RequestDelay_NeedsAnOffsetOnTheNewDueTime()
    {
        var bare = new StepFields(new TaskOrderRequest { Reason = "材料未到", NewDueAt = "2025-10-21T23:59:59" }, Directory);
        var withOffset = new StepFields(new TaskOrderRequest { Reason = "材料未到", NewDueAt = "2025-10-21T23:59:59+08:00" }, Directory);

        Assert.That(RequestDelay.Parse(bare), Is.Null);
        Assert.That(bare.Errors.Keys, Is.EqualTo(new[] { "newDueAt" }));
        Assert.That(RequestDelay.Parse(withOffset), Is.EqualTo(new RequestDelay("材料未到", new DateTimeOffset(2025, 10, 21, 23, 59, 59, TimeSpan.FromHours(8)))));
    }

    [Test]
    public void Parse_Issue_CollectsEveryMissingField()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.That(IssueRequest.Parse(new TaskOrderRequest { WorkingDays = 31 }, errors), Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "incidentId", "instructions", "workingDays" }));
    }

    private static IncidentSummary Incident(OrganisationRef? routedTo) => new(
        Guid.NewGuid(), Issued, Issued, IncidentStatus.Open, IncidentKind.NonPolice, "street-vending", "占道经营", "门口占道", "云峰路1号", null, 1,
        Jurisdiction: new Jurisdiction(null, new AreaRef("330102007", "云峰街道"), null, null, null, false),
        Routing: routedTo is null ? null : new RoutingDecision(RoutingOutcome.Routed, routedTo, [], null, []));

    private static IssueRequest Request(IncidentSummary incident, string? organisation = null) => new(incident.Id, organisation, "请处理", null);

    [Test]
    public void Issue_WithoutAnOrganisation_GoesToTheOneTheIncidentIsRoutedTo()
    {
        var incident = Incident(Chengguan);

        Assert.That(IssueTaskOrder.Decide(Request(incident), incident, Scope(Roles.Operator, "330102007"), Directory), Is.EqualTo((Chengguan, (IssueRefusal?)null)));
        Assert.That(IssueTaskOrder.Decide(Request(incident, " SJ-YUNFENG "), incident, Scope(Roles.Operator, "330102007"), Directory).Organisation, Is.EqualTo(Market));
    }

    [Test]
    public void Issue_Refusals_NameWhatIsMissing()
    {
        var unrouted = Incident(null);
        var scope = Scope(Roles.Operator, "330102007");

        Assert.That(IssueTaskOrder.Decide(Request(unrouted), null, scope, Directory).Refusal, Is.EqualTo(new IssueRefusal.IncidentNotFound(unrouted.Id)));
        Assert.That(IssueTaskOrder.Decide(Request(unrouted), unrouted, Scope(Roles.Operator, "330102008"), Directory).Refusal,
            Is.EqualTo(new IssueRefusal.IncidentNotFound(unrouted.Id)));
        Assert.That(((IssueRefusal.NoOrganisation)IssueTaskOrder.Decide(Request(unrouted), unrouted, scope, Directory).Refusal!).Why,
            Does.StartWith("organisationCode is required"));
        Assert.That(((IssueRefusal.NoOrganisation)IssueTaskOrder.Decide(Request(unrouted, "NOPE"), unrouted, scope, Directory).Refusal!).Why,
            Does.StartWith("organisationCode 'NOPE' is not a known organisation"));
    }

    [Test]
    public void OrganisationFor_PrefersTheOneGiven() =>
        Assert.That(IssueTaskOrder.OrganisationFor(Market, Incident(Chengguan)), Is.EqualTo(Market));
}
