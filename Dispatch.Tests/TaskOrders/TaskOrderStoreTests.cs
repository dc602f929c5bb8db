using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;
using Dispatch.Server.TaskOrders.UseCases;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.TaskOrders;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class TaskOrderStoreTests(string provider)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Issued = new(2025, 9, 30, 10, 0, 0, Cst);
    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());
    private static readonly OrganisationRef Cg = new("CG-YUNFENG", "综合行政执法队", OrganisationType.UrbanManagement);
    private TestDatabase db = null!;
    private TaskOrderStore store = null!;
    private IncidentSummary incident = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new TaskOrderStore(db.Database);
        incident = new IncidentSummary(Guid.NewGuid(), Issued.AddHours(-1), Issued.AddHours(-1), IncidentStatus.Open, IncidentKind.NonPolice, "noise", "噪音",
            "夜间施工噪音", "云峰路1号", new GeoPoint(120.215, 30.29), 1,
            Jurisdiction: new Jurisdiction(new AreaRef("330102", "上城区"), new AreaRef("330102007", "云峰街道"), new AreaRef("330102007001", "云峰社区"), null, null, false));
        await new IncidentStore(db.Database).OpenFromAlertAsync(incident,
            new StoredAlert("110-store-" + incident.Id, incident.ReceivedAt, "noise", incident.Description, null, incident.Location, null, "http", incident.OpenedAt),
            CancellationToken.None);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private TaskOrder NewOrder() => TaskOrderIssue.New(incident, TaskOrderSource.HandOver, Cg, "查处夜间施工", 5, Issued, "operator", Calendar);

    private static AuditEntry Audit(TaskOrder order) => new(order.IssuedAt, "operator", "Operator", "task-order.issued", TaskOrderStore.AuditSubject, order.Id.ToString(), null, "{}");

    [Test]
    public async Task Issue_WhenTheSameIncidentAndSourceComeTwice_StoresOneAndAnswersIt()
    {
        var first = NewOrder();
        var (created, stored) = await store.IssueAsync(first, Audit(first), CancellationToken.None);
        var second = NewOrder();
        var (createdAgain, existing) = await store.IssueAsync(second, Audit(second), CancellationToken.None);

        Assert.That((created, createdAgain), Is.EqualTo((true, false)));
        Assert.That(existing.Id, Is.EqualTo(first.Id));
        Assert.That(await db.ScalarAsync<long>("SELECT COUNT(*) FROM task_orders"), Is.EqualTo(1));
        var read = (await store.GetAsync(first.Id, CancellationToken.None))!.Order;
        Assert.That(read, Is.EqualTo(stored), "round trip");
        Assert.That(read.DueAt, Is.EqualTo(new DateTimeOffset(2025, 10, 14, 23, 59, 59, Cst)));
        Assert.That((read.StreetCode, read.CommunityName), Is.EqualTo(("330102007", "云峰社区")));
    }

    [Test]
    public async Task Apply_WithTheVersionRead_StoresTheStepItsHistoryAndAudit_AndAStaleVersionChangesNothing()
    {
        var order = NewOrder();
        await store.IssueAsync(order, Audit(order), CancellationToken.None);
        var read = (await store.GetAsync(order.Id, CancellationToken.None))!;
        var accepted = TaskOrderTransitions.Apply(read.Order, new AcceptTaskOrder(), Issued.AddHours(1), Calendar).After!;
        var step = new TaskOrderEvent(order.Id, Issued.AddHours(1), TaskOrderActions.Accepted, "handler", "DepartmentHandler", Cg.Code, null,
            TaskOrderStatus.Issued, TaskOrderStatus.Accepted, accepted.DueAt, null, null, null, null);
        var audit = Audit(order) with { Action = "task-order.accepted" };

        var first = await store.ApplyAsync(accepted, read.Version, false, step, audit, CancellationToken.None);
        var stale = await store.ApplyAsync(accepted with { Status = TaskOrderStatus.Returned }, read.Version, false, step, audit, CancellationToken.None);

        Assert.That((first, stale), Is.EqualTo((true, false)));
        Assert.That((await store.GetAsync(order.Id, CancellationToken.None))!.Order.Status, Is.EqualTo(TaskOrderStatus.Accepted));
        Assert.That((await store.HistoryAsync(order.Id, CancellationToken.None)).Select(e => e.Action), Is.EqualTo(new[] { "issued", "accepted" }));
        Assert.That(await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'task-order'"), Is.EqualTo(2));
    }

    [Test]
    public async Task Sweep_AcrossTheNationalDayHoliday_RemindsOn14OctoberAndIsOverdueOn15_EachOnceEvenAfterARestart()
    {
        var order = NewOrder();
        await store.IssueAsync(order, Audit(order), CancellationToken.None);

        var beforeHoliday = await store.MarkRemindersAsync(new DateTimeOffset(2025, 10, 13, 23, 59, 59, Cst), CancellationToken.None);
        var reminded = await store.MarkRemindersAsync(new DateTimeOffset(2025, 10, 14, 0, 0, 0, Cst), CancellationToken.None);
        var notYetOverdue = await store.MarkOverdueAsync(new DateTimeOffset(2025, 10, 14, 23, 59, 59, Cst), CancellationToken.None);

        // A restart: a new store on the same database remembers both marks.
        var restarted = new TaskOrderStore(db.Database);
        var remindedAgain = await restarted.MarkRemindersAsync(new DateTimeOffset(2025, 10, 14, 12, 0, 0, Cst), CancellationToken.None);
        var overdue = await restarted.MarkOverdueAsync(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Cst), CancellationToken.None);
        var overdueAgain = await restarted.MarkOverdueAsync(new DateTimeOffset(2025, 10, 16, 0, 0, 0, Cst), CancellationToken.None);

        Assert.That((beforeHoliday.Count, reminded.Count, notYetOverdue.Count, remindedAgain.Count, overdue.Count, overdueAgain.Count),
            Is.EqualTo((0, 1, 0, 0, 1, 0)));
        var stored = (await store.GetAsync(order.Id, CancellationToken.None))!.Order;
        Assert.That(stored.RemindedAt, Is.EqualTo(new DateTimeOffset(2025, 10, 14, 0, 0, 0, Cst)));
        Assert.That(stored.OverdueAt, Is.EqualTo(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Cst)));
        var breaches = await store.OverdueEventsAsync(new DateTimeOffset(2025, 10, 1, 0, 0, 0, Cst), new DateTimeOffset(2025, 11, 1, 0, 0, 0, Cst), CancellationToken.None);
        Assert.That(breaches.Select(b => (b.TaskOrderId, b.DueAt)), Is.EqualTo(new[] { (order.Id, stored.DueAt) }));
    }

    [Test]
    public async Task Sweep_WhenTheServerWasDownThroughTheDueDay_RaisesTheMissedReminderAndOverdueLate()
    {
        var order = NewOrder();
        await store.IssueAsync(order, Audit(order), CancellationToken.None);
        var back = new DateTimeOffset(2025, 10, 20, 9, 0, 0, Cst);

        var reminded = await store.MarkRemindersAsync(back, CancellationToken.None);
        var overdue = await store.MarkOverdueAsync(back, CancellationToken.None);

        Assert.That((reminded.Count, overdue.Count), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task List_ByOrganisationScopeAndOverdue_FindsOnlyWhatMatches()
    {
        var order = NewOrder();
        await store.IssueAsync(order, Audit(order), CancellationToken.None);
        var late = new DateTimeOffset(2025, 10, 15, 9, 0, 0, Cst);

        var mine = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.DepartmentHandler, "CG-YUNFENG"), Overdue: true), late, CancellationToken.None);
        var others = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.DepartmentHandler, "SJ-YUNFENG")), late, CancellationToken.None);
        var byArea = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.Supervisor, "330102"), Status: TaskOrderStatus.Issued), late, CancellationToken.None);
        var notOverdueYet = await store.ListAsync(new TaskOrderQuery(Overdue: true), Issued.AddDays(1), CancellationToken.None);

        Assert.That((mine.Count, others.Count, byArea.Count, notOverdueYet.Count), Is.EqualTo((1, 0, 1, 0)));
    }

    [Test]
    public async Task List_ForAResponder_HoldsNoTaskOrder_PlacedOrNot()
    {
        var placed = NewOrder();
        var nowhere = incident with { Id = Guid.NewGuid(), Jurisdiction = null };
        await new IncidentStore(db.Database).OpenFromAlertAsync(nowhere,
            new StoredAlert("110-nowhere", nowhere.ReceivedAt, "noise", nowhere.Description, null, null, null, "http", nowhere.OpenedAt), CancellationToken.None);
        var unplaced = TaskOrderIssue.New(nowhere, TaskOrderSource.HandOver, Cg, "查处", 5, Issued, "operator", Calendar);
        await store.IssueAsync(placed, Audit(placed), CancellationToken.None);
        await store.IssueAsync(unplaced, Audit(unplaced), CancellationToken.None);

        var responder = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.Responder, "YF-PC01")), Issued, CancellationToken.None);
        var anyOperator = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.Operator, "330102099")), Issued, CancellationToken.None);

        Assert.That(responder, Is.Empty, "a responder may open no task order, so lists none");
        Assert.That(anyOperator.Select(o => o.Id), Is.EqualTo(new[] { unplaced.Id }), "an unplaced order is every operator's to place");
    }

    [Test]
    public async Task List_ForTheOtherSideOfASharedEdge_KeepsTheOrder()
    {
        var onEdge = incident with { Jurisdiction = incident.Jurisdiction! with { SharedWith = ["330102008"] } };
        var order = TaskOrderIssue.New(onEdge, TaskOrderSource.HandOver, Cg, "查处", 5, Issued, "operator", Calendar);
        await store.IssueAsync(order, Audit(order), CancellationToken.None);

        var otherSide = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.Operator, "330102008")), Issued, CancellationToken.None);
        var elsewhere = await store.ListAsync(new TaskOrderQuery(Scope: Scope(Roles.Operator, "330102009")), Issued, CancellationToken.None);

        Assert.That(otherSide.Select(o => o.Id), Is.EqualTo(new[] { order.Id }));
        Assert.That(elsewhere, Is.Empty);
        Assert.That((await store.GetAsync(order.Id, CancellationToken.None))!.Order.SharedAreaCodes, Is.EqualTo(new[] { "330102008" }));
    }

    private static AccessScope Scope(string role, string code) => new(role, All: false, [code]);

    [Test]
    public async Task List_And_Get_CarryTheIncidentsCategoryAndAddress_InTheOneQuery()
    {
        var order = NewOrder();
        await store.IssueAsync(order, Audit(order), CancellationToken.None);

        var listed = (await store.ListAsync(new TaskOrderQuery(), Issued, CancellationToken.None)).Single();
        var read = (await store.GetAsync(order.Id, CancellationToken.None))!.Order;

        Assert.That((listed.CategoryName, listed.Address), Is.EqualTo(("噪音", "云峰路1号")));
        Assert.That((read.ToView(Issued).CategoryName, read.ToView(Issued).Address), Is.EqualTo(("噪音", "云峰路1号")));
    }
}
