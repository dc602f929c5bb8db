using System.Data.Common;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Clock;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ClockStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private TestDatabase db = null!;
    private ClockStore store = null!;

    [OneTimeSetUp]
    public async Task Create()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new ClockStore(db.Database);
    }

    [OneTimeTearDown]
    public async Task Drop() => await db.DisposeAsync();

    private static IReadOnlyList<IncidentClock> NewClocks(Guid id) =>
        ClockPolicy.Start(new IncidentSummary(id, T0, T0, IncidentStatus.Open, IncidentKind.Police, null, null, "x", null, null, 1), null, 0.8, T0);

    [Test]
    public async Task Start_WhenRedelivered_StoresTheClocksOnce()
    {
        var id = Guid.NewGuid();

        Assert.That(await store.StartAsync(NewClocks(id), T0, CancellationToken.None), Is.True);
        Assert.That(await store.StartAsync(NewClocks(id), T0, CancellationToken.None), Is.False);

        var stored = await store.ForIncidentAsync(id, CancellationToken.None);
        Assert.That(stored, Is.EqualTo(NewClocks(id)), "every column round-trips");
    }

    [Test]
    public async Task Apply_WhenTheRowChangedSinceRead_ChangesNothing()
    {
        var id = Guid.NewGuid();
        await store.StartAsync(NewClocks(id), T0, CancellationToken.None);
        var respond = (await store.ForIncidentAsync(id, CancellationToken.None))[0];
        var met = new ClockChange(respond, respond with { State = ClockState.Met, MetAt = T0.AddSeconds(20), UpdatedAt = T0.AddSeconds(20) }, ClockActions.Met);

        Assert.That(await store.ApplyAsync(met, "responder", CancellationToken.None), Is.True);
        Assert.That(await store.ApplyAsync(met, "responder", CancellationToken.None), Is.False, "a redelivery finds the clock met");
        var stored = (await store.ForIncidentAsync(id, CancellationToken.None))[0];
        Assert.That(stored.State, Is.EqualTo(ClockState.Met));
        Assert.That(stored.MetAt, Is.EqualTo(T0.AddSeconds(20)));
    }

    [Test]
    public async Task Fire_FromTwoSweepersAtOnce_FiresEachClockOnce()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await store.StartAsync(NewClocks(id), T0, CancellationToken.None);
        }

        var options = new ClockOptions { BatchSize = 500 };
        var now = T0.AddMinutes(4);
        var second = new ClockStore(db.Database);
        var runs = await Task.WhenAll(
            new ClockSweep(store, options).RunOnceAsync(now, CancellationToken.None),
            new ClockSweep(second, options).RunOnceAsync(now, CancellationToken.None));

        var fired = runs.SelectMany(r => r.Fired).Where(c => ids.Contains(c.After.IncidentId)).ToList();
        Assert.That(fired, Has.Count.EqualTo(ids.Count * 2), "respond and arrive of every incident");
        Assert.That(fired.Select(c => (c.After.IncidentId, c.After.Kind)).Distinct().Count(), Is.EqualTo(fired.Count), "no clock fired twice");
        Assert.That(fired.All(c => c.After.State == ClockState.Breached && c.After.Late), Is.True);
        var audited = await db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'clock.breached'");
        Assert.That(audited, Is.GreaterThanOrEqualTo(ids.Count * 2));
    }

    [Test]
    public async Task Fire_WhenAnotherNodeFiredOrAResponderMetSomeFirst_ReturnsAndAuditsOnlyTheChangedOnes()
    {
        var (mine, otherNodes, met) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var id in new[] { mine, otherNodes, met })
        {
            await store.StartAsync(NewClocks(id), T0, CancellationToken.None);
        }

        var now = T0.AddMinutes(4);
        var read = new List<IncidentClock>();
        foreach (var id in new[] { mine, otherNodes, met })
        {
            read.AddRange(await store.ForIncidentAsync(id, CancellationToken.None));
        }

        var batch = read.Select(c => ClockRules.Fire(c, now, TimeSpan.FromSeconds(1))).OfType<ClockChange>().ToList();
        Assert.That(batch, Has.Count.EqualTo(6), "both clocks of each incident are due");
        // Between this node's read and its write: another node fires one incident, a responder meets another's clock.
        var elsewhere = await new ClockStore(db.Database).FireAsync(batch.Where(c => c.After.IncidentId == otherNodes).ToList(), CancellationToken.None);
        Assert.That(elsewhere, Has.Count.EqualTo(2));
        var respond = read.Single(c => c.IncidentId == met && c.Kind == ClockKind.Respond);
        await store.ApplyAsync(new ClockChange(respond, respond with { State = ClockState.Met, MetAt = T0.AddSeconds(50), UpdatedAt = T0.AddSeconds(50) },
            ClockActions.Met), "responder", CancellationToken.None);

        var fired = await store.FireAsync(batch, CancellationToken.None);

        Assert.That(fired.Select(c => (c.After.IncidentId, c.After.Kind)),
            Is.EqualTo(new[] { (mine, ClockKind.Respond), (mine, ClockKind.Arrive), (met, ClockKind.Arrive) }));
        Assert.That(await AuditedAsync(mine, ClockActions.Breached), Is.EqualTo(2));
        Assert.That(await AuditedAsync(otherNodes, ClockActions.Breached), Is.EqualTo(2), "fired once, by the other node");
        Assert.That(await AuditedAsync(met, ClockActions.Breached), Is.EqualTo(1), "the met clock is not breached");
        var stored = await store.ForIncidentAsync(met, CancellationToken.None);
        Assert.That(stored.Select(c => c.State), Is.EqualTo(new[] { ClockState.Met, ClockState.Breached }));
        Assert.That(stored[0].BreachedAt, Is.Null);
    }

    [Test]
    public async Task Fire_WhenAnotherNodeWarnedFirst_WarnsOnceAndTheBreachKeepsTheWarning()
    {
        var id = Guid.NewGuid();
        await store.StartAsync(NewClocks(id), T0, CancellationToken.None);
        var respond = (await store.ForIncidentAsync(id, CancellationToken.None))[0];
        var warnedAt = T0.AddSeconds(50);
        var warning = ClockRules.Fire(respond, warnedAt, TimeSpan.FromSeconds(1))!;
        Assert.That(warning.After.State, Is.EqualTo(ClockState.Warned));

        var first = await new ClockStore(db.Database).FireAsync([warning], CancellationToken.None);
        var again = await store.FireAsync([warning], CancellationToken.None);
        // Read while still running, fired after the other node's warning: the breach still wins, once.
        var breach = await store.FireAsync([ClockRules.Fire(respond, T0.AddSeconds(70), TimeSpan.FromSeconds(1))!], CancellationToken.None);
        var breachAgain = await store.FireAsync([ClockRules.Fire(respond, T0.AddSeconds(71), TimeSpan.FromSeconds(1))!], CancellationToken.None);

        Assert.That((first.Count, again.Count, breach.Count, breachAgain.Count), Is.EqualTo((1, 0, 1, 0)));
        Assert.That(await AuditedAsync(id, ClockActions.Warned), Is.EqualTo(1));
        Assert.That(await AuditedAsync(id, ClockActions.Breached), Is.EqualTo(1));
        var stored = (await store.ForIncidentAsync(id, CancellationToken.None))[0];
        Assert.That((stored.State, stored.WarnedAt, stored.BreachedAt), Is.EqualTo((ClockState.Breached, (DateTimeOffset?)warnedAt, (DateTimeOffset?)T0.AddSeconds(70))));
    }

    [Test]
    public async Task Seed_WhenGivenClocksInEveryState_StoresEveryColumn()
    {
        var id = Guid.NewGuid();
        var clocks = NewClocks(id);
        var seeded = new[]
        {
            clocks[0] with { State = ClockState.Met, MetAt = T0.AddSeconds(40) },
            clocks[1] with { State = ClockState.Breached, WarnedAt = T0.AddSeconds(150), BreachedAt = T0.AddSeconds(182), Late = true },
        };

        await store.SeedAsync(seeded, CancellationToken.None);

        Assert.That(await store.ForIncidentAsync(id, CancellationToken.None), Is.EqualTo(seeded));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE subject_id = @Id", new { Id = IncidentStore.IdText(id) }), Is.Zero);
    }

    private Task<int> AuditedAsync(Guid incidentId, string action) =>
        db.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'incident' AND subject_id = @Id AND action = @Action",
            new { Id = IncidentStore.IdText(incidentId), Action = action });

    [Test]
    public async Task Due_ReturnsBreachesBeforeWarningsAndNothingTwice()
    {
        var late = Guid.NewGuid();
        var warnable = Guid.NewGuid();
        await store.StartAsync(NewClocks(late), T0, CancellationToken.None);
        await store.StartAsync(NewClocks(warnable).Select(c => c with { WarnAt = T0.AddHours(10), DueAt = T0.AddHours(11) }).ToList(), T0, CancellationToken.None);
        await store.StartAsync([NewClocks(warnable)[0] with { IncidentId = warnable, Kind = ClockKind.Reinforce, WarnAt = T0.AddHours(9), DueAt = T0.AddHours(12) }], T0, CancellationToken.None);

        var due = (await store.DueAsync(T0.AddHours(9.5), 10_000, CancellationToken.None)).Where(c => c.IncidentId == late || c.IncidentId == warnable).ToList();

        Assert.That(due.Select(c => (c.IncidentId, c.Kind)), Is.EqualTo(new[] { (late, ClockKind.Respond), (late, ClockKind.Arrive), (warnable, ClockKind.Reinforce) }));
    }

    [Test]
    public async Task Breached_ListsTheBreachesDueInThePeriodOnly()
    {
        var id = Guid.NewGuid();
        await store.StartAsync(NewClocks(id), T0, CancellationToken.None);
        await new ClockSweep(store, new ClockOptions { BatchSize = 10_000 }).RunOnceAsync(T0.AddMinutes(4), CancellationToken.None);

        var inPeriod = await store.BreachedAsync(T0, T0.AddMinutes(10), CancellationToken.None);
        var before = await store.BreachedAsync(T0.AddDays(-1), T0, CancellationToken.None);

        Assert.That(inPeriod.Where(c => c.IncidentId == id).Select(c => (c.Kind, c.State)),
            Is.EquivalentTo(new[] { (ClockKind.Respond, ClockState.Breached), (ClockKind.Arrive, ClockState.Breached) }));
        Assert.That(before.Where(c => c.IncidentId == id), Is.Empty);
    }

    [Test]
    public async Task PeriodReads_WhenTheDatabaseFails_ThrowInsteadOfAnsweringNoClocks()
    {
        // A database without the clock table: the old reader answered "no clocks" and the report showed zero breaches.
        await using var bare = await TestDatabase.CreateAsync(provider);
        var broken = new ClockStore(bare.Database);

        Assert.That(async () => await broken.BreachedAsync(T0, T0.AddDays(1), CancellationToken.None), Throws.InstanceOf<DbException>());
        Assert.That(async () => await broken.ForIncidentsReceivedAsync(T0, T0.AddDays(1), CancellationToken.None), Throws.InstanceOf<DbException>());
    }
}
