using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Assessment;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.TaskOrders;

/// <summary>The period reads of assessment and the breach audit select the period and the areas in SQL, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class TaskOrderStorePeriodTests(string provider)
{
    // An admin sees every order; a supervisor of street 330102007 that street's orders and those no area holds.
    private static readonly AccessScope Everyone = new(Roles.Admin, true, []);
    private static readonly AccessScope Street330102007 = new(Roles.Supervisor, false, ["330102007"]);

    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, Cst);
    private static readonly DateTimeOffset October = new(2025, 10, 1, 0, 0, 0, Cst);
    private static readonly DateTimeOffset November = new(2025, 11, 1, 0, 0, 0, Cst);
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly OrganisationRef Cg = new("CG-YUNFENG", "综合行政执法队", OrganisationType.UrbanManagement);
    private TestDatabase db = null!;
    private TaskOrderStore store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new TaskOrderStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    /// <summary>An order issued at <paramref name="at"/> for a new incident in street <paramref name="street"/> (none: unplaced).</summary>
    private async Task<TaskOrder> IssueAsync(string? street, DateTimeOffset at)
    {
        var jurisdiction = street is null ? null : new Jurisdiction(new AreaRef("330102", "上城区"), new AreaRef(street, street), null, null, null, false);
        var incident = new IncidentSummary(Guid.NewGuid(), at.AddHours(-1), at.AddHours(-1), IncidentStatus.Open, IncidentKind.NonPolice, "noise", "噪音",
            "夜间施工噪音", "云峰路1号", street is null ? null : new GeoPoint(120.215, 30.29), 1, Jurisdiction: jurisdiction);
        await new IncidentStore(db.Database).OpenFromAlertAsync(incident,
            new StoredAlert("110-period-" + incident.Id, incident.ReceivedAt, "noise", incident.Description, null, incident.Location, null, "http", incident.OpenedAt),
            CancellationToken.None);
        var order = TaskOrderIssue.New(incident, TaskOrderSource.HandOver, Cg, "查处夜间施工", 5, at, "operator", Calendar);
        await store.IssueAsync(order, new AuditEntry(at, "operator", "Operator", "task-order.issued", TaskOrderStore.AuditSubject, order.Id.ToString(), null, "{}"),
            CancellationToken.None);
        return order;
    }

    private async Task StepAsync(TaskOrder order, TaskOrderCommand command, DateTimeOffset at)
    {
        var read = (await store.GetAsync(order.Id, CancellationToken.None))!;
        var after = command.Apply(read.Order, at, Calendar).After!;
        var line = TaskOrderStep.HistoryLine(read.Order, after, command, at, "handler", "DepartmentHandler");
        var audit = new AuditEntry(at, "handler", "DepartmentHandler", "task-order." + command.Action, TaskOrderStore.AuditSubject, order.Id.ToString(), null, "{}");
        Assert.That(await store.ApplyAsync(after, read.Version, false, line, audit, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task AssessmentPeriod_ReadsTheOrdersWithLinesInThePeriod_AndThoseOpenPastADueTimeInIt_OfTheAreasAsked()
    {
        var steppedInOctober = await IssueAsync("330102007", Issued);                  // issued 30 September, accepted in October
        await StepAsync(steppedInOctober, new AcceptTaskOrder(), October.AddDays(9));
        var openPastDue = await IssueAsync("330102007", Issued.AddDays(-20));           // issued in September, due in September: not in the period
        var otherStreet = await IssueAsync("330102008", October.AddDays(10));
        var unplaced = await IssueAsync(null, October.AddDays(11));
        var asOf = November;

        var all = await store.AssessmentPeriodAsync(October, November, asOf, Everyone, CancellationToken.None);
        var mine = await store.AssessmentPeriodAsync(October, November, asOf, Street330102007, CancellationToken.None);

        Assert.That(all.Orders.Select(o => o.Id), Is.EquivalentTo(new[] { steppedInOctober.Id, otherStreet.Id, unplaced.Id }));
        Assert.That(all.Events.Select(e => (e.TaskOrderId, e.Action)), Is.EqualTo(new[]
        {
            (steppedInOctober.Id, TaskOrderActions.Accepted), (otherStreet.Id, TaskOrderActions.Issued), (unplaced.Id, TaskOrderActions.Issued),
        }));
        Assert.That(mine.Orders.Select(o => o.Id), Is.EquivalentTo(new[] { steppedInOctober.Id, unplaced.Id }), "the street's, and the one no area holds");
        Assert.That(mine.Events.Select(e => e.TaskOrderId), Is.EqualTo(new[] { steppedInOctober.Id, unplaced.Id }));
        Assert.That(all.Orders.Select(o => o.Id), Does.Not.Contain(openPastDue.Id));
    }

    [Test]
    public async Task AssessmentPeriod_ReadsAnOrderStillOpenPastADueTimeInThePeriod_WithoutAnyLineInIt()
    {
        var late = await IssueAsync("330102007", Issued.AddDays(-5));                   // issued 25 September, due 10 October
        var finished = await IssueAsync("330102007", Issued.AddDays(-5).AddMinutes(1));
        await StepAsync(finished, new AcceptTaskOrder(), Issued.AddDays(-4));
        await StepAsync(finished, new CompleteTaskOrder("已处理"), Issued.AddDays(-3));

        var read = await store.AssessmentPeriodAsync(October, November, November, Street330102007, CancellationToken.None);
        var beforeItWasDue = await store.AssessmentPeriodAsync(October, November, late.DueAt, Street330102007, CancellationToken.None);

        Assert.That(read.Orders.Select(o => o.Id), Is.EqualTo(new[] { late.Id }));
        Assert.That(read.Events, Is.Empty);
        Assert.That(beforeItWasDue.Orders, Is.Empty, "due at the as-of instant is not yet past due");
    }

    [Test]
    public async Task OverduePeriod_ReadsTheMissedDeadlinesDueInThePeriod_TheirOrders_AndTheStepThatEndedThem()
    {
        var mine = await IssueAsync("330102007", Issued);
        var theirs = await IssueAsync("330102008", Issued.AddMinutes(1));
        await store.MarkOverdueAsync(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Cst), CancellationToken.None);
        await StepAsync(mine, new AcceptTaskOrder(), new DateTimeOffset(2025, 10, 16, 9, 0, 0, Cst));
        await StepAsync(mine, new CompleteTaskOrder("已处理"), new DateTimeOffset(2025, 10, 16, 10, 0, 0, Cst));
        var now = new DateTimeOffset(2025, 10, 20, 0, 0, 0, Cst);

        var all = await store.OverduePeriodAsync(October, November, now, Everyone, CancellationToken.None);
        var scoped = await store.OverduePeriodAsync(October, November, now, Street330102007, CancellationToken.None);
        var before = await store.OverduePeriodAsync(October, November, new DateTimeOffset(2025, 10, 16, 9, 30, 0, Cst), Street330102007, CancellationToken.None);
        var september = await store.OverduePeriodAsync(October.AddMonths(-1), October, now, Everyone, CancellationToken.None);

        Assert.That(all.Orders.Select(o => o.Id), Is.EquivalentTo(new[] { mine.Id, theirs.Id }));
        Assert.That(all.Overdue.Select(e => e.TaskOrderId), Is.EquivalentTo(new[] { mine.Id, theirs.Id }));
        Assert.That(scoped.Orders.Select(o => o.Id), Is.EqualTo(new[] { mine.Id }));
        Assert.That(scoped.Later.Select(e => e.Action), Is.EqualTo(new[] { "overdue", "accepted", "completed" }), "issued on 30 September is before the period");
        Assert.That(before.Later.Select(e => e.Action), Is.EqualTo(new[] { "overdue", "accepted" }), "nothing after now");
        Assert.That((september.Orders.Count, september.Overdue.Count, september.Later.Count), Is.EqualTo((0, 0, 0)));
        var breach = Breaches.ForTaskOrder(scoped.Overdue.Single(), scoped.Orders.Single(), scoped.Later, now);
        Assert.That((breach.CategoryName, breach.Address), Is.EqualTo(("噪音", "云峰路1号")), "a breach row says what happened and where");
    }
}
