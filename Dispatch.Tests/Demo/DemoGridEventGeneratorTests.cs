using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Demo;
using Dispatch.Server.Intake;
using Dispatch.Server.Routing;
using Dispatch.Tests.Geo;
using NetTopologySuite.Geometries;

namespace Dispatch.Tests.Demo;

public sealed class DemoGridEventGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 30, 15, TimeSpan.Zero);

    private static DemoGridEventGenerator Generator(int seed) => new(new Random(seed), "TEST01");

    private static List<GridEventReported> Validated(int seed, int count) =>
        Generator(seed).Generate(count, Now).Select(e => GridEventValidator.Validate(e, Now, "test")).Select(v => v.Message!).ToList();

    [Test]
    public void Generate_WhenSeedAndRunIdAreTheSame_ReturnsTheSameEvents()
    {
        var first = Generator(42).Generate(200, Now).Select(e => JsonSerializer.Serialize(e));
        var second = Generator(42).Generate(200, Now).Select(e => JsonSerializer.Serialize(e));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(Generator(43).Generate(20, Now).Select(e => e.Description), Is.Not.EqualTo(Generator(42).Generate(20, Now).Select(e => e.Description)));
    }

    [Test]
    public void Generate_WhenValidatedWithTheSameNow_EveryEventPasses()
    {
        var failures = Generator(7).Generate(1000, Now)
            .Select(e => (e.EventId, Validation: GridEventValidator.Validate(e, Now, "test")))
            .Where(r => !r.Validation.IsValid)
            .Select(r => $"{r.EventId}: {string.Join("; ", r.Validation.Errors.SelectMany(x => x.Value))}");

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Generate_ManyEvents_HasRoughlyTheIntendedShares()
    {
        var events = Validated(11, 4000);

        double Share(Func<GridEventReported, bool> which) => events.Count(which) / (double)events.Count;
        Assert.That(Share(e => e.Tier == GridEventTier.Minor), Is.EqualTo(0.50).Within(0.04));
        Assert.That(Share(e => e.Tier == GridEventTier.Major), Is.EqualTo(0.35).Within(0.04));
        Assert.That(Share(e => e.Tier == GridEventTier.Complex), Is.EqualTo(0.15).Within(0.03));
        Assert.That(Share(e => e.ReporterKind == ReporterKind.Sensor), Is.EqualTo(0.20).Within(0.03));
        Assert.That(events.Where(e => e.ReporterKind == ReporterKind.Sensor).Select(e => e.Reporter), Is.All.Match("^SENSOR-(HKPW|SMOKE|EVCHG)-\\d{4}$"));
        Assert.That(events.Select(e => e.EventId), Is.Unique);
    }

    [Test]
    public void Generate_GridMembersAndCategories_AreRealOnes()
    {
        var events = Validated(5, 1000);
        var members = DemoUnits.Load(Now).Where(u => u.Kind == UnitKind.GridMember).Select(u => u.Code).ToList();
        var catalogue = CatalogueSnapshot.LoadEmbedded();

        Assert.That(events.Where(e => e.ReporterKind == ReporterKind.GridMember).Select(e => e.Reporter), Is.All.AnyOf(members.ToArray()));
        Assert.That(DemoGridEventGenerator.KnownCategoryCodes.Where(c => catalogue.Find(c) is null), Is.Empty);
        Assert.That(events.SelectMany(e => e.PhotoUrls), Is.All.StartWith(DemoGridEventGenerator.PhotoHost + "2026/11/22/GE-20261122-TEST01-"));
    }

    [Test]
    public void Grids_AreTheFilesGridsWithAPointInsideEach()
    {
        var file = DemoGeographyTests.Layer("grids.geojson");

        Assert.That(DemoGridEventGenerator.Grids.Select(g => (g.Code, g.Name)), Is.EqualTo(file.Select(f => (f.Code, f.Name))));
        var outside = DemoGridEventGenerator.Grids.Zip(file).Where(p => !p.Second.Shape.Contains(new Point(p.First.Lon, p.First.Lat))).Select(p => p.First.Code);
        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Generate_Locations_LieInTheStreetAndInTheirGrid()
    {
        var street = DemoGeographyTests.Layer("street.geojson").Single().Shape;
        var grids = DemoGeographyTests.Layer("grids.geojson").ToDictionary(g => g.Code, g => g.Shape);
        var events = Validated(3, 1000);

        Assert.That(events.Where(e => e.GridCode is not null).Select(e => e.GridCode), Is.All.AnyOf(grids.Keys.ToArray()));
        Assert.That(events.Where(e => e.Location is { } l && !street.Contains(new Point(l.Lon, l.Lat))).Select(e => e.EventId), Is.Empty);
        Assert.That(events.Where(e => e.Location is { } l && e.GridCode is { } g && grids[g].Distance(new Point(l.Lon, l.Lat)) > 1e-5).Select(e => e.EventId), Is.Empty);
    }
}
