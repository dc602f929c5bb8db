using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Dispatch.Tests.Geo;

/// <summary>The invented geography in infra/geo, as written by infra/geo/generate.cs.</summary>
public sealed class DemoGeographyTests
{
    private const string StreetCode = "330102007";
    private static readonly GeometryFactory Factory = new();

    internal sealed record Feature(string Code, string Name, string? Parent, Polygon Shape);

    [Test]
    public void Layers_WhenParsed_HaveTheExpectedCountsAndCodes()
    {
        var district = Layer("district.geojson");
        var street = Layer("street.geojson");
        var communities = Layer("communities.geojson");
        var grids = Layer("grids.geojson");
        var precincts = Layer("precincts.geojson");

        Assert.That(district.Select(d => (d.Code, d.Name, d.Parent)), Is.EqualTo(new[] { ("330102", "上城区", (string?)null) }));
        Assert.That(street.Select(s => (s.Code, s.Name, s.Parent)), Is.EqualTo(new[] { (StreetCode, "云峰街道", (string?)"330102") }));
        Assert.That(communities, Has.Count.EqualTo(8));
        Assert.That(communities.Select(c => c.Parent), Is.All.EqualTo(StreetCode));
        Assert.That(communities.Select(c => c.Code), Is.All.Match($"^{StreetCode}\\d{{3}}$"));
        Assert.That(communities.Select(c => c.Code), Is.Unique);
        Assert.That(grids, Has.Count.InRange(50, 70));
        var communityCodes = communities.Select(c => c.Code).ToHashSet();
        Assert.That(grids.Where(g => g.Parent is null || !communityCodes.Contains(g.Parent) || !g.Code.StartsWith(g.Parent, StringComparison.Ordinal)), Is.Empty);
        Assert.That(grids.Select(g => g.Code), Is.Unique);
        Assert.That(precincts.Select(p => (p.Code, p.Parent)), Is.EqualTo(new[] { ("PS-YUNFENG", (string?)null), ("PS-XINTANG", (string?)null) }));
        Assert.That(district.Concat(street).Concat(communities).Concat(grids).Concat(precincts).Where(f => !f.Shape.IsValid), Is.Empty);
        Assert.That(district[0].Shape.Contains(street[0].Shape), Is.True);
    }

    [Test]
    public void Communities_TileTheStreet()
    {
        AssertTiles(Layer("street.geojson")[0].Shape, Layer("communities.geojson"));
    }

    [Test]
    public void Grids_TileTheirCommunity()
    {
        var grids = Layer("grids.geojson");
        foreach (var community in Layer("communities.geojson"))
        {
            AssertTiles(community.Shape, grids.Where(g => g.Parent == community.Code).ToList());
        }
    }

    [Test]
    public void Precincts_TogetherCoverTheStreetAndSplitItDifferentlyFromCommunities()
    {
        var street = Layer("street.geojson")[0].Shape;
        var precincts = Layer("precincts.geojson");

        AssertTiles(street, precincts);
        foreach (var community in Layer("communities.geojson"))
        {
            Assert.That(precincts.Any(p => p.Shape.Equals(community.Shape)), Is.False, community.Name);
        }
    }

    [Test]
    public void Coordinates_HaveAtMostSevenDecimals()
    {
        foreach (var file in new[] { "district.geojson", "street.geojson", "communities.geojson", "grids.geojson", "precincts.geojson" })
        {
            foreach (var c in Layer(file).SelectMany(f => f.Shape.Coordinates))
            {
                Assert.That((Math.Round(c.X, 7), Math.Round(c.Y, 7)), Is.EqualTo((c.X, c.Y)), file);
            }
        }
    }

    [Test]
    public void DemoUnits_StartInsideTheStreet()
    {
        var street = Layer("street.geojson")[0].Shape;
        using var units = JsonDocument.Parse(File.ReadAllText(GeoFile("units.json")));

        var outside = units.RootElement.GetProperty("units").EnumerateArray()
            .Where(u => !street.Contains(Factory.CreatePoint(new Coordinate(u.GetProperty("lon").GetDouble(), u.GetProperty("lat").GetDouble()))))
            .Select(u => u.GetProperty("code").GetString())
            .ToList();

        Assert.That(outside, Is.Empty);
        Assert.That(units.RootElement.GetProperty("units").GetArrayLength(), Is.InRange(20, 30));
    }

    private static void AssertTiles(Polygon whole, List<Feature> parts)
    {
        var union = Factory.BuildGeometry(parts.Select(p => (Geometry)p.Shape).ToList()).Union();
        Assert.That(union.Area, Is.EqualTo(whole.Area).Within(1e-9 * whole.Area), "union area");
        Assert.That(parts.Sum(p => p.Shape.Area), Is.EqualTo(whole.Area).Within(1e-9 * whole.Area), "sum of areas");
        Assert.That(whole.SymmetricDifference(union).Area, Is.LessThan(1e-9 * whole.Area), "same shape");
        for (var i = 0; i < parts.Count; i++)
        {
            for (var j = i + 1; j < parts.Count; j++)
            {
                Assert.That(parts[i].Shape.Intersection(parts[j].Shape).Area, Is.LessThan(1e-12 * whole.Area),
                    $"{parts[i].Name} overlaps {parts[j].Name}");
            }
        }
    }

    internal static List<Feature> Layer(string fileName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(GeoFile(fileName)));
        Assert.That(doc.RootElement.GetProperty("type").GetString(), Is.EqualTo("FeatureCollection"));
        return doc.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var properties = f.GetProperty("properties");
            var geometry = f.GetProperty("geometry");
            Assert.That(geometry.GetProperty("type").GetString(), Is.EqualTo("Polygon"));
            var rings = geometry.GetProperty("coordinates").EnumerateArray().Select(r => Factory.CreateLinearRing(
                r.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray())).ToArray();
            return new Feature(
                properties.GetProperty("code").GetString()!,
                properties.GetProperty("name").GetString()!,
                properties.TryGetProperty("parent", out var parent) ? parent.GetString() : null,
                Factory.CreatePolygon(rings[0], rings[1..]));
        }).ToList();
    }

    private static string GeoFile(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Dispatch.sln not found above the test folder."), "infra", "geo", name);
    }
}
