using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Assignment;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AssignmentStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private AssignmentStore store = null!;
    private UnitStore units = null!;
    private Guid incidentA;
    private Guid incidentB;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new AssignmentStore(db.Database);
        units = new UnitStore(db.Database);
        foreach (var code in new[] { "YF-PC01", "YF-PC02" })
        {
            await units.UpsertAsync(new UnitSummary(code, code, "PS-YUNFENG", UnitKind.PatrolCar, null, null), CancellationToken.None);
        }

        var incidents = new IncidentStore(db.Database);
        incidentA = await OpenAsync(incidents, "110-a");
        incidentB = await OpenAsync(incidents, "110-b");
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private static async Task<Guid> OpenAsync(IncidentStore incidents, string alertId)
    {
        var id = Guid.NewGuid();
        var incident = new IncidentSummary(id, T0, T0, IncidentStatus.Open, IncidentKind.Police, "theft", "盗窃", "手机被偷", "云峰路1号", new GeoPoint(120.21, 30.28), 1, 2);
        await incidents.OpenFromAlertAsync(incident, new StoredAlert(alertId, T0, "theft", "手机被偷", "云峰路1号", null, null, "http", T0), CancellationToken.None);
        return id;
    }

    private static AssignmentSummary New(Guid incident, string unit = "YF-PC01", string by = "operator", AssignmentRole role = AssignmentRole.Primary) =>
        new(Guid.NewGuid(), incident, unit, role, AssignmentState.Dispatched, T0, null, null, null, null, null, null, by, null, 1);

    private static AuditEntry Audit(Guid incident) => new(T0, "operator", "Operator", AssignmentAudit.Dispatched, AuditNames.IncidentSubject, incident.ToString(), null, "{}");

    private async Task<UnitStatus> StatusAsync(string code) => (await units.GetAsync(code, CancellationToken.None))!.Unit.Status;

    [Test]
    public async Task Dispatch_StoresTheAssignmentInUtcAndSetsTheUnitDispatched()
    {
        var assignment = New(incidentA);

        var outcome = await store.DispatchAsync([new NewAssignment(assignment, UnitStatus.Available)], [Audit(incidentA)], CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(DispatchOutcome.Stored));
        Assert.That(await store.GetAsync(assignment.Id, CancellationToken.None), Is.EqualTo(assignment with { DispatchedAt = T0.ToUniversalTime() }));
        Assert.That(await StatusAsync("YF-PC01"), Is.EqualTo(UnitStatus.Dispatched));
    }

    [Test]
    public async Task Dispatch_WhenTheUnitStatusChangedSinceRead_StoresNothing()
    {
        await store.DispatchAsync([new NewAssignment(New(incidentA), UnitStatus.Available)], [], CancellationToken.None);

        var outcome = await store.DispatchAsync([new NewAssignment(New(incidentB), UnitStatus.Available)], [Audit(incidentB)], CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(DispatchOutcome.UnitChanged));
        Assert.That(await store.ForIncidentAsync(incidentB, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Dispatch_ASecondAutomaticPrimary_IsRefusedByTheDatabase()
    {
        await store.DispatchAsync([new NewAssignment(New(incidentA, "YF-PC01", "system"), UnitStatus.Available)], [], CancellationToken.None);

        var outcome = await store.DispatchAsync([new NewAssignment(New(incidentA, "YF-PC02", "system"), UnitStatus.Available)], [], CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(DispatchOutcome.AlreadyAutoDispatched));
        Assert.That(await store.ForIncidentAsync(incidentA, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(await StatusAsync("YF-PC02"), Is.EqualTo(UnitStatus.Available), "the refused dispatch left the unit as it was");
    }

    [Test]
    public async Task Apply_SetsTheUnitFromItsNewestOpenAssignment_AndRefusesAStaleVersion()
    {
        var onA = New(incidentA) with { DispatchedAt = T0 };
        await store.DispatchAsync([new NewAssignment(onA, UnitStatus.Available)], [], CancellationToken.None);
        var onScene = onA with { State = AssignmentState.OnScene, OnSceneAt = T0.AddMinutes(2), Version = 2 };
        Assert.That(await store.ApplyAsync(onScene, Audit(incidentA), CancellationToken.None), Is.EqualTo(UnitStatus.OnScene));
        var onB = New(incidentB) with { DispatchedAt = T0.AddMinutes(5) };
        await store.DispatchAsync([new NewAssignment(onB, UnitStatus.OnScene)], [], CancellationToken.None);

        var status = await store.ApplyAsync(onB with { State = AssignmentState.Cleared, ClearedAt = T0.AddMinutes(6), Version = 2 }, Audit(incidentB), CancellationToken.None);

        Assert.That(status, Is.EqualTo(UnitStatus.OnScene), "back to the work it was diverted from");
        Assert.That(await store.ApplyAsync(onScene, Audit(incidentA), CancellationToken.None), Is.Null, "version 2 was already written");
        Assert.That((await store.GetAsync(onA.Id, CancellationToken.None))!.State, Is.EqualTo(AssignmentState.OnScene));
    }

    [Test]
    public async Task ClearIncident_ClearsOnlyOpenAssignmentsAndFreesTheUnits()
    {
        var first = New(incidentA);
        var second = New(incidentA, "YF-PC02", role: AssignmentRole.Reinforcement);
        await store.DispatchAsync([new NewAssignment(first, UnitStatus.Available), new NewAssignment(second, UnitStatus.Available)], [], CancellationToken.None);
        await store.ApplyAsync(second with { State = AssignmentState.Declined, DeclinedAt = T0, DeclineReason = "爆胎", Version = 2 }, Audit(incidentA), CancellationToken.None);

        var cleared = await store.ClearIncidentAsync(incidentA, T0.AddMinutes(30), (_, _) => Audit(incidentA), CancellationToken.None);

        Assert.That(cleared.Select(c => (c.UnitCode, c.State)), Is.EqualTo(new[] { ("YF-PC01", AssignmentState.Cleared) }));
        Assert.That(await StatusAsync("YF-PC01"), Is.EqualTo(UnitStatus.Available));
        Assert.That(await store.OpenOfUnitAsync("YF-PC01", CancellationToken.None), Is.Empty);
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = @Action", new { Action = AssignmentAudit.Dispatched }), Is.EqualTo(2));
    }

    [Test]
    public async Task ChangeStatus_WhenTheStatusIsAsRead_ChangesItWithItsAuditEntry()
    {
        var audit = Audit(incidentA) with { Action = AssignmentAudit.Duty };

        Assert.That(await units.ChangeStatusAsync("YF-PC01", UnitStatus.Available, UnitStatus.OffDuty, audit, CancellationToken.None), Is.True);
        Assert.That(await units.ChangeStatusAsync("YF-PC01", UnitStatus.Available, UnitStatus.Busy, audit, CancellationToken.None), Is.False);
        Assert.That(await StatusAsync("YF-PC01"), Is.EqualTo(UnitStatus.OffDuty));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = @Action", new { Action = AssignmentAudit.Duty }), Is.EqualTo(1));
    }
}
