using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Incidents;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class IncidentStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private IncidentStore store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new IncidentStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task OpenFromAlert_WhenNew_StoresIncidentAlertAndAuditEntry()
    {
        var (incident, alert) = Sample("110-1", T0);

        var outcome = await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);

        Assert.That(outcome.Opened, Is.True);
        var read = await store.GetAsync(incident.Id, CancellationToken.None);
        Assert.That(read, Is.EqualTo(incident with { ReceivedAt = T0.ToUniversalTime(), OpenedAt = incident.OpenedAt.ToUniversalTime() }));
        var alerts = await store.AlertsOfAsync(incident.Id, CancellationToken.None);
        Assert.That(alerts.Select(a => (a.AlertId, a.Description, a.CallerPhone, a.Location)),
            Is.EqualTo(new[] { ("110-1", "电动车被盗", (string?)"13800000000", (GeoPoint?)new GeoPoint(120.2, 30.28)) }));
        var history = await new AuditLog(db.Database).ForSubjectAsync(AuditNames.IncidentSubject, incident.Id.ToString(), CancellationToken.None);
        Assert.That(history.Select(h => (h.Action, h.Actor)), Is.EqualTo(new[] { (AuditNames.IncidentOpened, AuditNames.SystemActor) }));
        Assert.That(history[0].After, Does.Contain("电动车被盗"));
    }

    [Test]
    public async Task OpenFromAlert_WhenTheAlertIsAlreadyStored_OpensNothingAndReturnsTheFirstIncident()
    {
        var (incident, alert) = Sample("110-dup", T0);
        await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);

        var again = await store.OpenFromAlertAsync(incident with { Id = Guid.NewGuid(), Description = "changed" }, alert, CancellationToken.None);

        Assert.That(again.Opened, Is.False);
        Assert.That(again.Incident.Id, Is.EqualTo(incident.Id));
        Assert.That(again.Incident.Description, Is.EqualTo("电动车被盗"));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM incidents"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log"), Is.EqualTo(1));
    }

    [Test]
    public async Task OpenFromAlert_WhenManyCopiesArriveAtOnce_StoresOneIncident()
    {
        var (incident, alert) = Sample("110-race", T0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.OpenFromAlertAsync(incident, alert, CancellationToken.None)));

        Assert.That(outcomes.Count(o => o.Opened), Is.EqualTo(1));
        Assert.That(outcomes.Select(o => o.Incident.Id).Distinct(), Is.EqualTo(new[] { incident.Id }));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM incidents"), Is.EqualTo(1));
    }

    [Test]
    public async Task List_ReturnsNewestFirstWithPagingAndTotal()
    {
        for (var i = 0; i < 5; i++)
        {
            var (incident, alert) = Sample($"110-{i}", T0.AddMinutes(i));
            await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);
        }

        var first = await store.ListAsync(new IncidentQuery(null, null, null, 1, 2), CancellationToken.None);
        var third = await store.ListAsync(new IncidentQuery(null, null, null, 3, 2), CancellationToken.None);

        Assert.That(first.Total, Is.EqualTo(5));
        Assert.That(first.Items.Select(i => i.ReceivedAt), Is.EqualTo(new[] { T0.AddMinutes(4), T0.AddMinutes(3) }));
        Assert.That(third.Items.Select(i => i.ReceivedAt), Is.EqualTo(new[] { T0 }));
    }

    [Test]
    public async Task List_FiltersByStatusAndTimeWindow()
    {
        for (var i = 0; i < 4; i++)
        {
            var (incident, alert) = Sample($"110-{i}", T0.AddMinutes(i), i % 2 == 0 ? IncidentStatus.Open : IncidentStatus.NeedsTriage);
            await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);
        }

        var triage = await store.ListAsync(new IncidentQuery(IncidentStatus.NeedsTriage, null, null, 1, 50), CancellationToken.None);
        // A window given in +08:00 selects the same instants as in UTC: minutes 1 and 2.
        var window = await store.ListAsync(new IncidentQuery(null, T0.AddMinutes(1), T0.AddMinutes(3), 1, 50), CancellationToken.None);

        Assert.That(triage.Items.Select(i => i.ReceivedAt), Is.EqualTo(new[] { T0.AddMinutes(3), T0.AddMinutes(1) }));
        Assert.That(triage.Total, Is.EqualTo(2));
        Assert.That(window.Items.Select(i => i.ReceivedAt), Is.EqualTo(new[] { T0.AddMinutes(2), T0.AddMinutes(1) }));
    }

    [Test]
    public async Task OpenFromAlert_KeepsSubSecondInstantsAndTextExactly()
    {
        // Microseconds: the finest precision all three engines keep (PostgreSQL's timestamptz).
        var precise = new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero).AddTicks(1234560);
        var (incident, alert) = Sample("110-precise", precise);
        incident = incident with { Description = "<script>alert('x')</script>'; DROP TABLE incidents; --" };

        await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);

        var read = await store.GetAsync(incident.Id, CancellationToken.None);
        Assert.That(read!.ReceivedAt, Is.EqualTo(precise));
        Assert.That(read.Description, Is.EqualTo(incident.Description));
    }

    private static (IncidentSummary Incident, StoredAlert Alert) Sample(string alertId, DateTimeOffset receivedAt, IncidentStatus status = IncidentStatus.Open)
    {
        var id = Guid.NewGuid();
        var location = new GeoPoint(120.2, 30.28);
        var incident = new IncidentSummary(id, receivedAt, receivedAt.AddSeconds(1), status, IncidentKind.Police, "theft", "盗窃",
            "电动车被盗", "杭州市上城区彭埠街道", location, 1);
        var alert = new StoredAlert(alertId, receivedAt, "theft", "电动车被盗", "杭州市上城区彭埠街道", location, "13800000000", "http", receivedAt.AddSeconds(1));
        return (incident, alert);
    }
}
