using Dispatch.Contracts;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;

namespace Dispatch.Tests.TaskOrders;

/// <summary>The steps offered to a person: the routes' policies and the steps' own rules, nothing else.</summary>
public sealed class TaskOrderStepsTests
{
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly OrganisationRef Chengguan = new("CG-YUNFENG", "云峰城管中队", OrganisationType.UrbanManagement);

    private static readonly AccessScope Handler = new(Roles.DepartmentHandler, false, ["CG-YUNFENG"]);
    private static readonly AccessScope OtherHandler = new(Roles.DepartmentHandler, false, ["SJ-YUNFENG"]);
    private static readonly AccessScope Operator = new(Roles.Operator, false, ["330102007"]);
    private static readonly AccessScope Supervisor = new(Roles.Supervisor, false, ["330102"]);
    private static readonly AccessScope Admin = new(Roles.Admin, true, []);

    private static TaskOrder Order(TaskOrderStatus status, CitizenRating? rating = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), TaskOrderSource.HandOver, Chengguan, status, "清理占道经营", "street-vending", 5,
        Issued, "operator", Issued, Calendar.DueAt(Issued, 5).Due, Rating: rating,
        RequestedDueAt: status == TaskOrderStatus.DelayRequested ? Calendar.DueAt(Issued, 10).Due : null,
        DistrictCode: "330102", StreetCode: "330102007");

    private static IReadOnlyList<string> Allowed(TaskOrder order, AccessScope scope, params string[] policies) =>
        TaskOrderSteps.Allowed(order, scope, new HashSet<string>(policies), Issued.AddHours(1), Calendar);

    [TestCase(TaskOrderStatus.Issued, new[] { "accept", "return" })]
    [TestCase(TaskOrderStatus.Accepted, new[] { "complete", "return", "request-delay" })]
    [TestCase(TaskOrderStatus.DelayRequested, new[] { "complete" })]
    [TestCase(TaskOrderStatus.Reopened, new[] { "accept" })]
    [TestCase(TaskOrderStatus.Completed, new string[0])]
    [TestCase(TaskOrderStatus.Returned, new string[0])]
    public void Handler_IsOfferedTheDepartmentsStepsOfTheState(TaskOrderStatus status, string[] expected) =>
        Assert.That(Allowed(Order(status), Handler, Policies.Handle), Is.EqualTo(expected));

    [TestCase(TaskOrderStatus.Completed, null, new[] { "evaluate", "close" })]
    [TestCase(TaskOrderStatus.Evaluated, CitizenRating.Satisfied, new[] { "close" })]
    [TestCase(TaskOrderStatus.Evaluated, CitizenRating.Dissatisfied, new[] { "reopen", "close" })]
    [TestCase(TaskOrderStatus.Returned, null, new[] { "reassign" })]
    [TestCase(TaskOrderStatus.Accepted, null, new string[0])]
    [TestCase(TaskOrderStatus.Closed, null, new string[0])]
    public void Operator_IsOfferedTheCommandRoomsSteps(TaskOrderStatus status, CitizenRating? rating, string[] expected) =>
        Assert.That(Allowed(Order(status, rating), Operator, Policies.Operate), Is.EqualTo(expected));

    [Test]
    public void Supervisor_IsOfferedTheDelayDecision_OnlyWhileOneIsPending()
    {
        Assert.That(Allowed(Order(TaskOrderStatus.DelayRequested), Supervisor, Policies.Supervise), Is.EqualTo(new[] { "approve-delay", "reject-delay" }));
        Assert.That(Allowed(Order(TaskOrderStatus.Accepted), Supervisor, Policies.Supervise), Is.Empty);
        Assert.That(Allowed(Order(TaskOrderStatus.DelayRequested), Admin, Policies.Supervise), Is.EqualTo(new[] { "approve-delay", "reject-delay" }));
    }

    [Test]
    public void NobodyIsOffered_AnotherOrganisationsSteps_OrAnOrderOutsideTheirAreas()
    {
        Assert.That(Allowed(Order(TaskOrderStatus.Issued), OtherHandler, Policies.Handle), Is.Empty);
        Assert.That(Allowed(Order(TaskOrderStatus.Completed), new AccessScope(Roles.Operator, false, ["330102008"]), Policies.Operate), Is.Empty);
    }

    [Test]
    public void EveryStepRoute_HasAPolicy_AndPathsAreUnique()
    {
        Assert.That(TaskOrderSteps.All.Select(s => s.Path), Is.Unique);
        Assert.That(TaskOrderSteps.PolicyOf("evaluate"), Is.EqualTo(Policies.Operate));
        Assert.That(TaskOrderSteps.PolicyOf("approve-delay"), Is.EqualTo(Policies.Supervise));
    }
}
