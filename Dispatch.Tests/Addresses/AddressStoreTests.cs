using Microsoft.Extensions.Time.Testing;
using Dispatch.Server.Addresses;
using Dispatch.Server.Demo;
using Dispatch.Server.Geo;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Tests.Addresses;

/// <summary>The <c>addresses</c> table and the importer over it, on every database.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AddressStoreTests(string provider)
{
    private TestDatabase database = null!;
    private AddressStore store = null!;
    private AddressRegister register = null!;
    private AddressImporter importer = null!;
    private FakeTimeProvider clock = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        database = await TestDatabase.CreateMigratedAsync(provider);
        store = new AddressStore(database.Database);
        register = new AddressRegister();
        var layers = new JurisdictionIndex();
        layers.Replace(JurisdictionSnapshot.Build(DemoGeography.All().Select(a => new PreparedArea(a.Level, a.Code, a.Name, a.Geometry))));
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        importer = new AddressImporter(store, register, layers, clock, NullLogger<AddressImporter>.Instance);
    }

    [TearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    [Test]
    public async Task Import_DemoRegister_StoresEveryRowAndLoadsTheMatcher()
    {
        var read = importer.Read(DemoAddresses.ReadText(), CoordinateSystem.Wgs84);

        var report = await importer.ImportAsync(read, skipInvalid: false, CancellationToken.None);

        Assert.That(read.Problems, Is.Empty, "the demo register imports without a problem");
        Assert.That(report, Is.EqualTo(report with { Imported = read.Rows, Replaced = 0, Written = true }));
        Assert.That(await store.CountAsync(CancellationToken.None), Is.EqualTo(read.Rows));
        Assert.That(register.Current.Match("兴隆花园12幢3单元").Best?.AddressId, Is.EqualTo("YF-C16-B12-U3"));
    }

    [Test]
    public async Task Import_SameIdsAgain_ReplacesThem()
    {
        const string header = "id,compound,building,lon,lat\n";
        await importer.ImportAsync(importer.Read(header + "X1,兴隆花园,12,120.2216,30.2897\n", CoordinateSystem.Wgs84), false, CancellationToken.None);

        var report = await importer.ImportAsync(importer.Read(header + "X1,兴隆花园,13,120.2216,30.2897\n", CoordinateSystem.Wgs84), false, CancellationToken.None);
        var stored = await store.AllAsync(CancellationToken.None);

        Assert.That(report.Replaced, Is.EqualTo(1));
        Assert.That(stored.Single().Building, Is.EqualTo("13"));
        Assert.That(stored.Single().GridCode, Does.StartWith("330102007004"));
    }

    [Test]
    public async Task Import_WithAnInvalidRow_WritesNothingUnlessSkipped()
    {
        const string file = "id,compound,lon,lat\nX1,兴隆花园,120.2216,30.2897\nX2,兴隆花园,0,0\n";

        var refused = await importer.ImportAsync(importer.Read(file, CoordinateSystem.Wgs84), false, CancellationToken.None);
        var countAfterRefusal = await store.CountAsync(CancellationToken.None);
        var skipped = await importer.ImportAsync(importer.Read(file, CoordinateSystem.Wgs84), true, CancellationToken.None);

        Assert.That(refused.Written, Is.False);
        Assert.That(refused.Problems.Single().Line, Is.EqualTo(3));
        Assert.That(countAfterRefusal, Is.Zero);
        Assert.That((skipped.Written, skipped.Imported), Is.EqualTo((true, 1)));
    }
}
