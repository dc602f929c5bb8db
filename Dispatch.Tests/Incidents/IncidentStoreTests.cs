using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
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
    public async Task OpenFromAlert_WithItsClocks_StoresThemInTheSameTransactionOnce()
    {
        var (incident, alert) = Sample("110-clocks", T0);
        var clocks = new ClockStore(db.Database);
        var started = ClockPolicy.Start(incident, null, 0.8, T0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            store.OpenFromAlertAsync(incident, alert, (c, tx, ct) => clocks.StartAsync(c, tx, started, T0, ct), CancellationToken.None)));
        var redelivered = await store.OpenFromAlertAsync(incident, alert, (c, tx, ct) => clocks.StartAsync(c, tx, started, T0, ct), CancellationToken.None);

        Assert.That(outcomes.Count(o => o.Opened), Is.EqualTo(1));
        Assert.That(redelivered.Opened, Is.False);
        Assert.That(await clocks.ForIncidentAsync(incident.Id, CancellationToken.None), Is.EqualTo(started), "every column round-trips");
        var history = await new AuditLog(db.Database).ForSubjectAsync(AuditNames.IncidentSubject, incident.Id.ToString(), CancellationToken.None);
        Assert.That(history.Select(h => h.Action), Is.EquivalentTo(new[] { AuditNames.IncidentOpened, ClockActions.Started }));
    }

    [Test]
    public async Task OpenFromAlert_WhenItsClocksCannotBeStored_StoresNoIncident()
    {
        var (incident, alert) = Sample("110-clock-fails", T0);
        var clocks = new ClockStore(db.Database);
        var started = ClockPolicy.Start(incident, null, 0.8, T0);
        await clocks.StartAsync(started, T0, CancellationToken.None);

        Assert.That(() => store.OpenFromAlertAsync(incident, alert, (c, tx, ct) => clocks.StartAsync(c, tx, started, T0, ct), CancellationToken.None),
            Throws.InstanceOf<InvalidOperationException>(), "the clocks' insert fails, and the incident's with it");
        Assert.That(await store.GetAsync(incident.Id, CancellationToken.None), Is.Null);
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM alerts"), Is.EqualTo(0));
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

    [Test]
    public async Task List_WithAreaCodes_KeepsIncidentsInThoseAreasOrInNone()
    {
        Jurisdiction In(string street, string precinct) => new(new AreaRef("330102", "上城区"), new AreaRef(street, street), null, null, new AreaRef(precinct, precinct), false);
        var cases = new[] { ("ours", In("330102007", "PS-YUNFENG")), ("theirs", In("330102008", "PS-OTHER")), ("nowhere", Jurisdiction.None) };
        foreach (var (name, where) in cases)
        {
            var (incident, alert) = Sample("110-scope-" + name, T0);
            await store.OpenFromAlertAsync(incident with { Description = name, Jurisdiction = where }, alert, CancellationToken.None);
        }

        var street = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("330102007")), CancellationToken.None);
        var precinct = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("PS-OTHER")), CancellationToken.None);
        var district = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("330102")), CancellationToken.None);

        Assert.That(street.Items.Select(i => i.Description).Order(), Is.EqualTo(new[] { "nowhere", "ours" }));
        Assert.That(precinct.Items.Select(i => i.Description).Order(), Is.EqualTo(new[] { "nowhere", "theirs" }));
        Assert.That((district.Total, street.Total), Is.EqualTo((3, 2)));
    }

    [Test]
    public async Task List_ForEitherSideOfASharedEdge_KeepsTheIncidentOnIt_AndReadsBackBothSides()
    {
        // On the edge between 330102007 and 330102008: the lower code holds it, the other shares it.
        var onEdge = new Jurisdiction(new AreaRef("330102", "上城区"), new AreaRef("330102007", "云峰街道"), null, null, null, true, ["330102008"]);
        var (incident, alert) = Sample("110-edge", T0);
        await store.OpenFromAlertAsync(incident with { Jurisdiction = onEdge }, alert, CancellationToken.None);

        var lower = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("330102007")), CancellationToken.None);
        var higher = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("330102008")), CancellationToken.None);
        var prefixOfHigher = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("33010200")), CancellationToken.None);
        var elsewhere = await store.ListAsync(new IncidentQuery(null, null, null, 1, 50, Scope: Operator("330102009")), CancellationToken.None);
        var read = (await store.GetAsync(incident.Id, CancellationToken.None))!;

        Assert.That((lower.Total, higher.Total, prefixOfHigher.Total, elsewhere.Total), Is.EqualTo((1, 1, 0, 0)));
        Assert.That(read.Jurisdiction!.SharedWith, Is.EqualTo(new[] { "330102008" }));
    }

    [Test]
    public async Task OpenFromAlert_KeepsJurisdictionAndRoutingExactly()
    {
        var (incident, alert) = Sample("110-routed", T0);
        incident = incident with
        {
            Priority = 2,
            Jurisdiction = new Jurisdiction(new AreaRef("330102", "上城区"), new AreaRef("330102007", "云峰街道"), new AreaRef("330102007001", "云峰社区"),
                new AreaRef("330102007001003", "第3网格"), new AreaRef("PS-YUNFENG", "云峰派出所辖区"), true),
            Routing = new RoutingDecision(RoutingOutcome.Routed, new OrganisationRef("PS-YUNFENG", "云峰派出所", OrganisationType.PoliceStation),
                ["类别 theft", "辖区派出所"], 0.9, [new CategoryCandidate("theft", "盗窃", 4)]),
        };

        await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);
        var read = (await store.GetAsync(incident.Id, CancellationToken.None))!;

        Assert.That(read.Jurisdiction, Is.EqualTo(incident.Jurisdiction));
        Assert.That(read.Routing!.Organisation, Is.EqualTo(incident.Routing.Organisation));
        Assert.That(read.Routing.Reasons, Is.EqualTo(incident.Routing.Reasons));
        Assert.That(read.Routing.Candidates, Is.EqualTo(incident.Routing.Candidates));
        Assert.That((read.Priority, read.Routing.Confidence, read.Source), Is.EqualTo((2, 0.9, IncidentSource.Alert)));
    }

    [Test]
    public async Task Join_AddsTheCallerAndTheReferenceStillFindsTheIncident()
    {
        var (incident, alert) = Sample("110-first", T0);
        await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);
        var secondReference = Guid.NewGuid();

        var joined = await store.JoinAsync(incident.Id, secondReference, alert with { AlertId = "110-second", Description = "又有人打电话说电动车被偷" }, CancellationToken.None);
        var again = await store.JoinAsync(incident.Id, secondReference, alert with { AlertId = "110-second" }, CancellationToken.None);

        Assert.That(joined.Opened, Is.True);
        Assert.That(joined.Incident.AlertCount, Is.EqualTo(2));
        Assert.That(again.Opened, Is.False, "a redelivered joining alert joins once");
        Assert.That((await store.GetAsync(incident.Id, CancellationToken.None))!.AlertCount, Is.EqualTo(2));
        Assert.That((await store.ResolveReferenceAsync(secondReference, CancellationToken.None))!.Id, Is.EqualTo(incident.Id));
        Assert.That((await store.AlertsOfAsync(incident.Id, CancellationToken.None)).Select(a => a.Description),
            Is.EqualTo(new[] { "电动车被盗", "又有人打电话说电动车被偷" }));
    }

    [Test]
    public async Task Replace_WhenSomeoneChangedItFirst_RefusesAndKeepsTheirChange()
    {
        var (incident, alert) = Sample("110-versioned", T0);
        await store.OpenFromAlertAsync(incident, alert, CancellationToken.None);
        var read = (await store.GetVersionedAsync(incident.Id, CancellationToken.None))!;
        AuditEntry Audit(string action) => new(T0, "operator", "Operator", action, AuditNames.IncidentSubject, incident.Id.ToString(), null, null);

        var first = await store.ReplaceAsync(read.Incident with { Status = IncidentStatus.NeedsTriage }, read.Version, Audit("first"), CancellationToken.None);
        var second = await store.ReplaceAsync(read.Incident with { Priority = 1 }, read.Version, Audit("second"), CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((true, false)));
        var now = (await store.GetVersionedAsync(incident.Id, CancellationToken.None))!;
        Assert.That((now.Incident.Status, now.Incident.Priority, now.Version), Is.EqualTo((IncidentStatus.NeedsTriage, (int?)null, read.Version + 1)));
        var history = await new AuditLog(db.Database).ForSubjectAsync(AuditNames.IncidentSubject, incident.Id.ToString(), CancellationToken.None);
        Assert.That(history.Select(h => h.Action), Is.EqualTo(new[] { AuditNames.IncidentOpened, "first" }));
    }

    [Test]
    public async Task DuplicateCandidates_AreOpenIncidentsOfTheCategoryInTheWindow()
    {
        foreach (var (id, minutes, category) in new[] { ("a", 0, "theft"), ("b", 10, "theft"), ("c", 40, "theft"), ("d", 5, "fraud") })
        {
            var (incident, alert) = Sample("110-dup-" + id, T0.AddMinutes(minutes));
            await store.OpenFromAlertAsync(incident with { CategoryCode = category }, alert, CancellationToken.None);
        }

        var found = await store.DuplicateCandidatesAsync("theft", T0.AddMinutes(-15), T0.AddMinutes(15), new GeoPoint(120.2, 30.28), 200, CancellationToken.None);
        var elsewhere = await store.DuplicateCandidatesAsync("theft", T0.AddMinutes(-15), T0.AddMinutes(15), new GeoPoint(120.21, 30.28), 200, CancellationToken.None);

        Assert.That(found.Select(f => f.ReceivedAt).Order(), Is.EqualTo(new[] { T0, T0.AddMinutes(10) }));
        Assert.That(elsewhere, Is.Empty, "about 960 m away: outside the box");
    }

    [Test]
    public async Task OpenOnly_KeepsEveryOpenIncident_HoweverManyNewerOnesThereAre_UrgentFirstThenLongestWaiting()
    {
        var waiting = Sample("110-waiting", T0, IncidentStatus.Open);
        var triage = Sample("110-triage", T0.AddMinutes(1), IncidentStatus.NeedsTriage);
        var urgent = Sample("110-urgent", T0.AddMinutes(2), IncidentStatus.InProgress);
        await store.OpenFromAlertAsync(waiting.Incident, waiting.Alert, CancellationToken.None);
        await store.OpenFromAlertAsync(triage.Incident, triage.Alert, CancellationToken.None);
        await store.OpenFromAlertAsync(urgent.Incident with { Priority = 1 }, urgent.Alert, CancellationToken.None);
        // More newer closed incidents than the largest page of the plain list: the open ones must not fall off.
        for (var i = 0; i < IncidentEndpoints.MaxPageSize + 20; i++)
        {
            var (closed, alert) = Sample($"110-closed-{i}", T0.AddMinutes(10 + i), IncidentStatus.Closed);
            await store.OpenFromAlertAsync(closed, alert, CancellationToken.None);
        }

        var open = await store.ListAsync(
            new IncidentQuery(null, null, null, 1, IncidentEndpoints.OpenLimit, UrgentThenOldest: true, OpenOnly: true), CancellationToken.None);
        var newest = await store.ListAsync(new IncidentQuery(null, null, null, 1, IncidentEndpoints.MaxPageSize), CancellationToken.None);

        Assert.That(open.Items.Select(i => i.Id), Is.EqualTo(new[] { urgent.Incident.Id, waiting.Incident.Id, triage.Incident.Id }));
        Assert.That(open.Total, Is.EqualTo(3));
        Assert.That(newest.Items.Select(i => i.Id), Does.Not.Contain(waiting.Incident.Id), "the newest page alone loses it: the reason for OpenOnly");
    }

    private static AccessScope Operator(string area) => new(Roles.Operator, All: false, [area]);

    private static (IncidentSummary Incident, StoredAlert Alert) Sample(string alertId, DateTimeOffset receivedAt, IncidentStatus status = IncidentStatus.Open)
    {
        var id = Guid.NewGuid();
        var location = new GeoPoint(120.2, 30.28);
        var incident = new IncidentSummary(id, receivedAt, receivedAt.AddSeconds(1), status, IncidentKind.Police, "theft", "盗窃",
            "电动车被盗", "杭州市上城区彭埠街道", location, 1, Jurisdiction: Jurisdiction.None);
        var alert = new StoredAlert(alertId, receivedAt, "theft", "电动车被盗", "杭州市上城区彭埠街道", location, "13800000000", "http", receivedAt.AddSeconds(1));
        return (incident, alert);
    }
}
