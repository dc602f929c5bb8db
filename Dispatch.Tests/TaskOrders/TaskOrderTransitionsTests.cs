using Dispatch.Contracts;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;

namespace Dispatch.Tests.TaskOrders;

public sealed class TaskOrderTransitionsTests
{
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly OrganisationRef Chengguan = new("CG-YUNFENG", "云峰城管中队", OrganisationType.UrbanManagement);
    private static readonly OrganisationRef Market = new("SJ-YUNFENG", "云峰市场监管所", OrganisationType.MarketRegulation);

    private static TaskOrder New(TaskOrderStatus status = TaskOrderStatus.Issued) => new(
        Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, Chengguan, status, "清理占道经营", "street-vending", 5,
        Issued, "operator", Issued, Calendar.DueAt(Issued, 5).Due);

    private static Transition Apply(TaskOrder order, TaskOrderCommand command, DateTimeOffset? at = null) =>
        TaskOrderTransitions.Apply(order, command, at ?? Issued.AddHours(1), Calendar);

    [Test]
    public void New_WhenIssuedBeforeTheNationalDayHoliday_IsDueAtTheEndOf14October()
    {
        var order = New();

        Assert.That(order.DueAt, Is.EqualTo(new DateTimeOffset(2025, 10, 14, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.That(order.RemindAt, Is.EqualTo(new DateTimeOffset(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public void HappyPath_AcceptCompleteEvaluateClose_ReachesClosedOnTime()
    {
        var accepted = Apply(New(), new AcceptTaskOrder()).After!;
        var completed = Apply(accepted, new CompleteTaskOrder("已清理"), Issued.AddDays(3)).After!;
        var evaluated = Apply(completed, new EvaluateTaskOrder(CitizenRating.Satisfied, null)).After!;
        var closed = Apply(evaluated, new CloseTaskOrder()).After!;

        Assert.That(new[] { accepted.Status, completed.Status, evaluated.Status, closed.Status },
            Is.EqualTo(new[] { TaskOrderStatus.Accepted, TaskOrderStatus.Completed, TaskOrderStatus.Evaluated, TaskOrderStatus.Closed }));
        Assert.That((completed.Result, completed.CompletedOnTime, evaluated.Rating), Is.EqualTo(("已清理", (bool?)true, (CitizenRating?)CitizenRating.Satisfied)));
    }

    [Test]
    public void Complete_AfterTheDueTime_IsMarkedLate()
    {
        var accepted = Apply(New(), new AcceptTaskOrder()).After!;

        var completed = Apply(accepted, new CompleteTaskOrder("已清理"), new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.FromHours(8))).After!;

        Assert.That(completed.CompletedOnTime, Is.False);
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(TaskOrderStatus.Issued, new CompleteTaskOrder("x")).SetName("Complete_WhenNotAccepted_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Issued, new EvaluateTaskOrder(CitizenRating.Satisfied, null)).SetName("Evaluate_WhenNotCompleted_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Issued, new CloseTaskOrder()).SetName("Close_WhenNotCompleted_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Issued, new RequestDelay("x", Issued.AddDays(30))).SetName("RequestDelay_WhenNotAccepted_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Accepted, new ApproveDelay()).SetName("ApproveDelay_WhenNoneIsPending_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Accepted, new RejectDelay("x")).SetName("RejectDelay_WhenNoneIsPending_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Completed, new ReturnTaskOrder("x")).SetName("Return_WhenCompleted_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Completed, new ReopenTaskOrder("x")).SetName("Reopen_WhenNotEvaluated_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Accepted, new ReassignTaskOrder(Market, "x")).SetName("Reassign_WhenNotReturned_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Closed, new AcceptTaskOrder()).SetName("Accept_WhenClosed_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Returned, new AcceptTaskOrder()).SetName("Accept_WhenReturned_IsRefused");
        yield return new TestCaseData(TaskOrderStatus.Closed, new CompleteTaskOrder("x")).SetName("Complete_WhenClosed_IsRefused");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Step_OutOfPlace_IsRefusedWithTheState(TaskOrderStatus status, TaskOrderCommand command)
    {
        var result = Apply(New(status), command);

        Assert.That(result.After, Is.Null);
        Assert.That(result.Refused, Is.Not.Empty);
    }

    [Test]
    public void Repeats_OfAStepAlreadyTaken_AreHarmless()
    {
        var accepted = Apply(New(), new AcceptTaskOrder()).After!;
        var completed = Apply(accepted, new CompleteTaskOrder("已清理")).After!;
        var closed = Apply(completed, new CloseTaskOrder()).After!;
        var returned = Apply(New(), new ReturnTaskOrder("非本单位职责")).After!;

        foreach (var (order, command) in new (TaskOrder, TaskOrderCommand)[]
                 {
                     (accepted, new AcceptTaskOrder()), (completed, new CompleteTaskOrder("已清理")), (closed, new CloseTaskOrder()),
                     (returned, new ReturnTaskOrder("again")),
                 })
        {
            var again = Apply(order, command);
            Assert.That((again.Changed, again.After), Is.EqualTo((false, order)), command.ToString());
        }
    }

    [Test]
    public void Complete_AgainWithAnotherResult_IsRefused()
    {
        var completed = Apply(Apply(New(), new AcceptTaskOrder()).After!, new CompleteTaskOrder("已清理")).After!;

        Assert.That(Apply(completed, new CompleteTaskOrder("另一个结果")).Refused, Is.Not.Null);
    }

    [Test]
    public void Reassign_AfterReturn_GivesTheRightOrganisationFreshDaysFromTheReassignment()
    {
        // Returned on 10-13 after 8 days with the wrong organisation; the right one gets 5 working days from 10-13:
        // 10-14, 15, 16, 17, 20 → due 2025-10-20 23:59:59, not 10-14.
        var returnedAt = new DateTimeOffset(2025, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));
        var returned = Apply(New(TaskOrderStatus.Accepted), new ReturnTaskOrder("占道经营属市场监管"), returnedAt).After!;

        var reassigned = Apply(returned, new ReassignTaskOrder(Market, "改派市场监管所"), returnedAt.AddHours(1));

        Assert.That(reassigned.After!.Status, Is.EqualTo(TaskOrderStatus.Issued));
        Assert.That(reassigned.After.Organisation, Is.EqualTo(Market));
        Assert.That(reassigned.After.AssignedAt, Is.EqualTo(returnedAt.AddHours(1)));
        Assert.That(reassigned.After.DueAt, Is.EqualTo(new DateTimeOffset(2025, 10, 20, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.That(reassigned.ResetDeadline, Is.True);
    }

    [Test]
    public void Reassign_ToTheOrganisationThatReturnedIt_IsRefused()
    {
        var returned = Apply(New(), new ReturnTaskOrder("不是我们的")).After!;

        Assert.That(Apply(returned, new ReassignTaskOrder(Chengguan, "x")).Refused, Does.Contain("returned it"));
    }

    [Test]
    public void Delay_WhenApproved_MovesTheDueTimeAndClearsTheMarks()
    {
        var newDue = new DateTimeOffset(2025, 10, 21, 23, 59, 59, TimeSpan.FromHours(8));
        var accepted = Apply(New(), new AcceptTaskOrder()).After! with { RemindedAt = Issued.AddDays(14) };
        var requested = Apply(accepted, new RequestDelay("需协调产权单位", newDue)).After!;

        var approved = Apply(requested, new ApproveDelay());

        Assert.That(requested.Status, Is.EqualTo(TaskOrderStatus.DelayRequested));
        Assert.That((approved.After!.Status, approved.After.DueAt, approved.After.RemindedAt), Is.EqualTo((TaskOrderStatus.Accepted, newDue, (DateTimeOffset?)null)));
        Assert.That(Apply(approved.After, new ApproveDelay()).Changed, Is.False, "approving twice is harmless");
    }

    [Test]
    public void Delay_WhenRejected_KeepsTheDueTime()
    {
        var accepted = Apply(New(), new AcceptTaskOrder()).After!;
        var requested = Apply(accepted, new RequestDelay("需协调", accepted.DueAt.AddDays(7))).After!;

        var rejected = Apply(requested, new RejectDelay("理由不充分")).After!;

        Assert.That((rejected.Status, rejected.DueAt, rejected.Delay), Is.EqualTo((TaskOrderStatus.Accepted, accepted.DueAt, (DelayDecision?)DelayDecision.Rejected)));
    }

    [Test]
    public void RequestDelay_WhenTheNewDueTimeIsNotLater_IsRefused()
    {
        var accepted = Apply(New(), new AcceptTaskOrder()).After!;

        Assert.That(Apply(accepted, new RequestDelay("x", accepted.DueAt)).Refused, Does.Contain("later"));
    }

    [Test]
    public void Reopen_AfterDissatisfied_GoesBackWithANewDueTime()
    {
        var completed = Apply(Apply(New(), new AcceptTaskOrder()).After!, new CompleteTaskOrder("已处理")).After!;
        var evaluated = Apply(completed, new EvaluateTaskOrder(CitizenRating.Dissatisfied, "仍有摊贩")).After!;
        var at = new DateTimeOffset(2025, 10, 9, 15, 0, 0, TimeSpan.FromHours(8));

        var reopened = Apply(evaluated, new ReopenTaskOrder("群众不满意，返工"), at).After!;

        // From Thursday 10-09: 10-10, 10-11 (make-up Saturday), 10-13, 14, 15 → due 10-15.
        Assert.That((reopened.Status, reopened.Organisation, reopened.Result, reopened.Rating), Is.EqualTo((TaskOrderStatus.Reopened, Chengguan, (string?)null, (CitizenRating?)null)));
        Assert.That(reopened.DueAt, Is.EqualTo(new DateTimeOffset(2025, 10, 15, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.That(Apply(reopened, new AcceptTaskOrder()).After!.Status, Is.EqualTo(TaskOrderStatus.Accepted));
    }

    [Test]
    public void Reopen_AfterSatisfied_IsRefused()
    {
        var completed = Apply(Apply(New(), new AcceptTaskOrder()).After!, new CompleteTaskOrder("已处理")).After!;
        var evaluated = Apply(completed, new EvaluateTaskOrder(CitizenRating.BasicallySatisfied, null)).After!;

        Assert.That(Apply(evaluated, new ReopenTaskOrder("x")).Refused, Does.Contain("dissatisfied"));
    }
}
