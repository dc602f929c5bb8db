using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Demo;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Assignment;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class UnitStoreTests(string provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    private TestDatabase db = null!;
    private UnitStore store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestDatabase.CreateMigratedAsync(provider);
        store = new UnitStore(db.Database);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private static UnitSummary Car(string code = "YF-PC01") =>
        new(code, "云峰派出所巡逻车1号", "PS-YUNFENG", UnitKind.PatrolCar, new GeoPoint(120.2101234, 30.2809876), T0.AddMilliseconds(123));

    [Test]
    public async Task Upsert_ThenGet_ReturnsTheUnitWithItsPositionInUtc()
    {
        await store.UpsertAsync(Car(), CancellationToken.None);

        var read = await store.GetAsync("YF-PC01", CancellationToken.None);

        Assert.That(read, Is.EqualTo(new StoredUnit(Car() with { PositionAt = T0.AddMilliseconds(123).ToUniversalTime() }, null)));
        Assert.That(read!.Unit.PositionAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Upsert_WhenTheUnitExists_UpdatesItsDetailsAndKeepsTheNewerPosition()
    {
        await store.UpsertAsync(Car(), CancellationToken.None);

        await store.UpsertAsync(Car() with { Name = "改名", Kind = UnitKind.FootPatrol, Position = new GeoPoint(1, 1), PositionAt = T0.AddHours(-1) }, CancellationToken.None);

        var read = (await store.GetAsync("YF-PC01", CancellationToken.None))!.Unit;
        Assert.That((read.Name, read.Kind, read.Position), Is.EqualTo(("改名", UnitKind.FootPatrol, Car().Position)));
    }

    [Test]
    public async Task RecordPosition_WhenNewer_StoresItWithItsAccuracy()
    {
        await store.UpsertAsync(Car(), CancellationToken.None);

        var outcome = await store.RecordPositionAsync(new UnitPositionReported("YF-PC01", new GeoPoint(120.23, 30.30), T0.AddSeconds(1), 8.5), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(PositionOutcome.Stored));
        var read = await store.GetAsync("YF-PC01", CancellationToken.None);
        Assert.That((read!.Unit.Position, read.Unit.PositionAt, read.AccuracyMetres),
            Is.EqualTo((new GeoPoint(120.23, 30.30), T0.AddSeconds(1).ToUniversalTime(), (double?)8.5)));
    }

    [Test]
    public async Task RecordPosition_WhenOlderOrRepeated_LeavesTheStoredPosition()
    {
        await store.UpsertAsync(Car(), CancellationToken.None);
        var newer = new UnitPositionReported("YF-PC01", new GeoPoint(120.23, 30.30), T0.AddMinutes(2), null);
        await store.RecordPositionAsync(newer, CancellationToken.None);

        // Sub-second differences matter: SQLite compares the stored text.
        var older = await store.RecordPositionAsync(newer with { Position = new GeoPoint(120.1, 30.1), At = T0.AddMinutes(2).AddMilliseconds(-1) }, CancellationToken.None);
        var repeated = await store.RecordPositionAsync(newer with { Position = new GeoPoint(120.1, 30.1) }, CancellationToken.None);

        Assert.That((older, repeated), Is.EqualTo((PositionOutcome.NotNewer, PositionOutcome.NotNewer)));
        var read = (await store.GetAsync("YF-PC01", CancellationToken.None))!.Unit;
        Assert.That((read.Position, read.PositionAt), Is.EqualTo((newer.Position, (DateTimeOffset?)newer.At.ToUniversalTime())));
    }

    [Test]
    public async Task RecordPosition_WhenTheUnitIsUnknown_SaysSo()
    {
        var outcome = await store.RecordPositionAsync(new UnitPositionReported("NOPE", new GeoPoint(120.23, 30.30), T0, null), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(PositionOutcome.UnknownUnit));
    }

    [Test]
    public async Task List_WithFilters_ReturnsMatchingUnitsByCode()
    {
        await store.UpsertAsync(Car("YF-PC02"), CancellationToken.None);
        await store.UpsertAsync(Car("YF-PC01"), CancellationToken.None);
        await store.UpsertAsync(Car("YF-FP01") with { Kind = UnitKind.FootPatrol }, CancellationToken.None);
        await store.UpsertAsync(new UnitSummary("CG-T01", "城管", "CG-YUNFENG", UnitKind.DepartmentTeam, null, null), CancellationToken.None);

        var all = await store.ListAsync(null, null, CancellationToken.None);
        var cars = await store.ListAsync("PS-YUNFENG", UnitKind.PatrolCar, CancellationToken.None);
        var cg = await store.ListAsync("CG-YUNFENG", null, CancellationToken.None);

        Assert.That(all.Select(u => u.Unit.Code), Is.EqualTo(new[] { "CG-T01", "YF-FP01", "YF-PC01", "YF-PC02" }));
        Assert.That(cars.Select(u => u.Unit.Code), Is.EqualTo(new[] { "YF-PC01", "YF-PC02" }));
        Assert.That(cg.Single().Unit.Position, Is.Null);
    }

    [Test]
    public async Task SeedDemoUnits_Twice_StoresEachUnitOnce()
    {
        var first = await DemoUnits.SeedAsync(store, T0, CancellationToken.None);
        var second = await DemoUnits.SeedAsync(store, T0.AddMinutes(-5), CancellationToken.None);

        var all = await store.ListAsync(null, null, CancellationToken.None);
        Assert.That((first, second, all.Count), Is.EqualTo((24, 24, 24)));
        Assert.That(all.All(u => u.Unit.PositionAt == T0.ToUniversalTime()), Is.True);
    }
}
