using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Tests.Geo.GeoJsonAreaReaderTests;

namespace Dispatch.Tests.Geo;

/// <summary>The <c>areas</c> table and the importer over it, on every database.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AreaStoreTests(string provider)
{
    private static readonly AreaImportOptions Options = new(AreaLevel.Grid, "code", "name", null, CoordinateSystem.Wgs84);

    private TestDatabase database = null!;
    private AreaStore store = null!;
    private JurisdictionIndex index = null!;
    private AreaImporter importer = null!;
    private FakeTimeProvider clock = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        database = await TestDatabase.CreateMigratedAsync(provider);
        store = new AreaStore(database.Database);
        index = new JurisdictionIndex();
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        importer = new AreaImporter(store, index, clock, NullLogger<AreaImporter>.Instance);
    }

    [TearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    [Test]
    public async Task Upsert_ThenAll_RoundTripsGeometryExactlyWithHolesAndParts()
    {
        var json = Collection(
            Feature("G1", "网格一", "Polygon", $"[{Square(120.1234567, 30.7654321, 0.01)},{Square(120.1264567, 30.7684321, 0.002)}]", ",\"p\":\"C1\""),
            Feature("G2", "网格二", "MultiPolygon", $"[[{Square(120.2, 30.2, 0.01)}],[{Square(120.3, 30.3, 0.01)}]]", ",\"p\":\"C1\""));
        var read = GeoJsonAreaReader.Read(json, Options with { ParentProperty = "p" });

        await store.UpsertAsync(read.Areas.Select(a => a.Area).ToList(), clock.GetUtcNow(), CancellationToken.None);
        var stored = await store.AllAsync(CancellationToken.None);

        Assert.That(stored.Select(s => (s.Level, s.Code, s.Name, s.ParentCode)),
            Is.EqualTo(new[] { (AreaLevel.Grid, "G1", "网格一", (string?)"C1"), (AreaLevel.Grid, "G2", "网格二", "C1") }));
        Assert.That(stored[0].Geometry.EqualsExact(read.Areas[0].Area.Geometry), Is.True);
        Assert.That(stored[1].Geometry.EqualsExact(read.Areas[1].Area.Geometry), Is.True);
        Assert.That(stored[0].CreatedAt, Is.EqualTo(clock.GetUtcNow()));
    }

    [Test]
    public async Task Import_WhenTheSameCodesComeAgain_ReplacesThemAndKeepsCreationTime()
    {
        await importer.ImportAsync(GeoJsonAreaReader.Read(Collection(Feature("G1", "旧名", "Polygon", $"[{Square(120, 30, 1)}]")), Options), Options, false, CancellationToken.None);
        var created = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));

        var report = await importer.ImportAsync(GeoJsonAreaReader.Read(Collection(
            Feature("G1", "新名", "Polygon", $"[{Square(125, 30, 1)}]"),
            Feature("G2", "二", "Polygon", $"[{Square(126, 30, 1)}]")), Options), Options, false, CancellationToken.None);

        var stored = await store.AllAsync(CancellationToken.None);
        Assert.That(report, Is.EqualTo(report with { Imported = 2, Replaced = 1, Written = true }));
        Assert.That(stored.Select(s => s.Name), Is.EqualTo(new[] { "新名", "二" }));
        Assert.That((stored[0].CreatedAt, stored[0].UpdatedAt), Is.EqualTo((created, clock.GetUtcNow())));
        Assert.That(index.Locate(120.5, 30.5).Grid, Is.Null, "the old shape is gone from the index");
        Assert.That(index.Locate(125.5, 30.5).Grid, Is.EqualTo(new AreaRef("G1", "新名")));
    }

    [Test]
    public async Task Import_WhenAFeatureIsInvalid_WritesNothing()
    {
        var read = GeoJsonAreaReader.Read(Collection(Feature("G1", "一", "Polygon", $"[{Square(120, 30, 1)}]"), Feature("G2", "二", "Point", "[120,30]")), Options);

        var report = await importer.ImportAsync(read, Options, skipInvalid: false, CancellationToken.None);

        Assert.That(report.Written, Is.False);
        Assert.That(report.Problems.Single().Index, Is.EqualTo(1));
        Assert.That(await store.AllAsync(CancellationToken.None), Is.Empty);
        Assert.That(index.Locate(120.5, 30.5).Grid, Is.Null);
    }

    [Test]
    public async Task Import_WhenSkipInvalid_WritesTheValidOnes()
    {
        var read = GeoJsonAreaReader.Read(Collection(Feature("G1", "一", "Polygon", $"[{Square(120, 30, 1)}]"), Feature("G2", "二", "Point", "[120,30]")), Options);

        var report = await importer.ImportAsync(read, Options, skipInvalid: true, CancellationToken.None);

        Assert.That((report.Written, report.Imported, report.Features), Is.EqualTo((true, 1, 2)));
        Assert.That((await store.AllAsync(CancellationToken.None)).Select(a => a.Code), Is.EqualTo(new[] { "G1" }));
        Assert.That(index.Locate(120.5, 30.5).Grid?.Code, Is.EqualTo("G1"));
    }

    [Test]
    public async Task Import_SameCodeOnAnotherLevel_IsAnotherArea()
    {
        var json = Collection(Feature("X1", "同码", "Polygon", $"[{Square(120, 30, 1)}]"));
        await importer.ImportAsync(GeoJsonAreaReader.Read(json, Options), Options, false, CancellationToken.None);
        var precinct = Options with { Level = AreaLevel.Precinct };
        await importer.ImportAsync(GeoJsonAreaReader.Read(json, precinct), precinct, false, CancellationToken.None);

        var j = index.Locate(120.5, 30.5);

        Assert.That((j.Grid?.Code, j.Precinct?.Code), Is.EqualTo(("X1", "X1")));
        Assert.That(await store.AllAsync(CancellationToken.None), Has.Count.EqualTo(2));
    }
}
