using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Tests.Support;
using static Dispatch.Tests.Security.VisibilityTests;

namespace Dispatch.Tests.Security;

/// <summary>
/// The stores' SQL keeps exactly the rows the policy lets each scope of <see cref="VisibilityTests"/>' table see, on
/// every engine: incidents, the triage queue, task orders and units, wherever they lie.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class VisibilityFilterTests(string provider)
{
    private static readonly Dictionary<string, string[]> OrganisationAreas = new()
    {
        ["CG-YUNFENG"] = ["330102", "330102007", "330102007001"],
        ["CG-OTHER"] = ["330105", "330105001"],
    };

    private readonly List<IncidentSummary> incidents = [];
    private readonly List<TaskOrder> orders = [];
    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        var incidentStore = new IncidentStore(db.Database);
        var orderStore = new TaskOrderStore(db.Database);
        foreach (var where in Enum.GetValues<Where>())
        {
            foreach (var triage in new[] { false, true })
            {
                var incident = IncidentAt(where, triage);
                await incidentStore.OpenFromAlertAsync(incident, new StoredAlert($"110-{where}-{triage}", incident.ReceivedAt, "noise", incident.Description,
                    null, incident.Location, null, "http", incident.OpenedAt), CancellationToken.None);
                incidents.Add(incident);
                var order = OrderOf(incident);
                await orderStore.IssueAsync(order, new AuditEntry(order.IssuedAt, "operator", "Operator", "task-order.issued", TaskOrderStore.AuditSubject,
                    order.Id.ToString(), null, "{}"), CancellationToken.None);
                orders.Add(order);
            }
        }

        var units = new UnitStore(db.Database);
        await units.UpsertAsync(new UnitSummary("YF-PC01", "云峰1号", "CG-YUNFENG", UnitKind.LinkageSquad, null, null, UnitStatus.Available), CancellationToken.None);
        await units.UpsertAsync(new UnitSummary("OT-01", "他处1号", "CG-OTHER", UnitKind.LinkageSquad, null, null, UnitStatus.Available), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    public static IEnumerable<AccessScope> AllScopes => Scopes;

    [TestCaseSource(nameof(AllScopes))]
    public async Task IncidentAndTriageLists_KeepWhatThePolicyLetsTheScopeSee(AccessScope scope)
    {
        var store = new IncidentStore(db.Database);

        var listed = await store.ListAsync(new IncidentQuery(null, null, null, 1, 100, Scope: scope), CancellationToken.None);
        var triage = await store.ListAsync(new IncidentQuery(IncidentStatus.NeedsTriage, null, null, 1, 100, Scope: scope), CancellationToken.None);

        Assert.That(listed.Items.Select(i => i.Id), Is.EquivalentTo(
            incidents.Where(i => Visibility.CanSee(scope, RecordKind.Incident, RecordPlace.Of(i))).Select(i => i.Id)));
        Assert.That(triage.Items.Select(i => i.Id), Is.EquivalentTo(incidents
            .Where(i => i.Status == IncidentStatus.NeedsTriage && Visibility.CanSee(scope, RecordKind.TriageIncident, RecordPlace.Of(i))).Select(i => i.Id)));
    }

    [TestCaseSource(nameof(AllScopes))]
    public async Task TaskOrderList_KeepsWhatThePolicyLetsTheScopeSee(AccessScope scope)
    {
        var listed = await new TaskOrderStore(db.Database).ListAsync(new TaskOrderQuery(Scope: scope), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.That(listed.Select(o => o.Id), Is.EquivalentTo(orders.Where(o => Visibility.CanSee(scope, RecordKind.TaskOrder, o.Place)).Select(o => o.Id)));
    }

    [TestCaseSource(nameof(AllScopes))]
    public async Task UnitList_KeepsWhatThePolicyLetsTheScopeSee(AccessScope scope)
    {
        var inScopeAreas = OrganisationAreas.Where(o => o.Value.Intersect(scope.Codes).Any()).Select(o => o.Key).ToList();

        var listed = await new UnitStore(db.Database).ListAsync(null, null,
            dialect => Visibility.Filter(scope, RecordKind.Unit, VisibilityColumns.Units, dialect, inScopeAreas), CancellationToken.None);

        var all = await new UnitStore(db.Database).ListAsync(null, null, CancellationToken.None);
        Assert.That(listed.Select(u => u.Unit.Code), Is.EquivalentTo(all
            .Where(u => Visibility.CanSee(scope, RecordKind.Unit, RecordPlace.OfUnit(u.Unit.Code, u.Unit.Organisation, OrganisationAreas[u.Unit.Organisation])))
            .Select(u => u.Unit.Code)));
    }
}
