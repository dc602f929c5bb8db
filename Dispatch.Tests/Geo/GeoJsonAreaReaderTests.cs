using Dispatch.Contracts;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;

namespace Dispatch.Tests.Geo;

public sealed class GeoJsonAreaReaderTests
{
    private static readonly AreaImportOptions Options = new(AreaLevel.Community, "code", "name", null, CoordinateSystem.Wgs84);

    internal static string Square(double x0, double y0, double size) =>
        FormattableString.Invariant($"[[{x0},{y0}],[{x0 + size},{y0}],[{x0 + size},{y0 + size}],[{x0},{y0 + size}],[{x0},{y0}]]");

    internal static string Feature(string code, string name, string geometryType, string coordinates, string extraProps = "") =>
        $$$"""{"type":"Feature","properties":{"code":"{{{code}}}","name":"{{{name}}}"{{{extraProps}}}},"geometry":{"type":"{{{geometryType}}}","coordinates":{{{coordinates}}}}}""";

    internal static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    [Test]
    public void Read_WhenPolygonHasAHole_KeepsTheHole()
    {
        var json = Collection(Feature("A", "甲社区", "Polygon", $"[{Square(120, 30, 1)},{Square(120.25, 30.25, 0.5)}]"));

        var result = GeoJsonAreaReader.Read(json, Options);

        Assert.That(result.Problems, Is.Empty);
        var polygon = (Polygon)result.Areas.Single().Area.Geometry;
        Assert.That(polygon.NumInteriorRings, Is.EqualTo(1));
        Assert.That(polygon.Area, Is.EqualTo(0.75).Within(1e-9));
    }

    [Test]
    public void Read_WhenMultiPolygon_KeepsEveryPart()
    {
        var json = Collection(Feature("A", "甲", "MultiPolygon", $"[[{Square(120, 30, 1)}],[{Square(122, 30, 1)}]]"));

        var area = GeoJsonAreaReader.Read(json, Options).Areas.Single().Area;

        Assert.That(area.Geometry, Is.InstanceOf<MultiPolygon>());
        Assert.That(area.Geometry.NumGeometries, Is.EqualTo(2));
        Assert.That(area.Geometry.SRID, Is.EqualTo(4326));
        Assert.That((area.Code, area.Name, area.Level), Is.EqualTo(("A", "甲", AreaLevel.Community)));
    }

    [Test]
    public void Read_WhenCodesAreNumbers_ReadsThemAsText()
    {
        var json = Collection("""{"type":"Feature","properties":{"code":330106001001,"name":"北山"},"geometry":{"type":"Polygon","coordinates":[""" + Square(120, 30, 1) + "]}}");

        Assert.That(GeoJsonAreaReader.Read(json, Options).Areas.Single().Area.Code, Is.EqualTo("330106001001"));
    }

    [TestCase("""{"type":"Feature","properties":{"name":"甲"},"geometry":{"type":"Polygon","coordinates":[SQUARE]}}""", "missing property 'code'")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"  "},"geometry":{"type":"Polygon","coordinates":[SQUARE]}}""", "missing property 'name'")]
    [TestCase("""{"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[SQUARE]}}""", "missing property 'code'")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Point","coordinates":[120,30]}}""", "geometry type 'Point' is not Polygon or MultiPolygon")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"LineString","coordinates":[[120,30],[121,30]]}}""", "geometry type 'LineString'")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":null}""", "has no geometry")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[121,31],[120,31]]]}}""", "ring 0 is not closed")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,30]]]}}""", "ring 0 has 3 point(s); a ring needs at least 4")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,31],[121,30],[120,31],[120,30]]]}}""", "invalid geometry: Self-intersection")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[1e999,31],[120,30]]]}}""", "ring 0, point 2")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[500000,30],[121,31],[120,30]]]}}""", "ring 0, point 1 (500000, 30) is out of range")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[120,30],["121",30],[121,31],[120,30]]]}}""", "point 1 is not a [longitude, latitude] pair")]
    [TestCase("""{"type":"Feature","properties":{"code":"A","name":"甲"},"geometry":{"type":"MultiPolygon","coordinates":[[SQUARE],[[[120,30],[121,30],[121,31],[120,31]]]]}}""", "polygon 1, ring 0 is not closed")]
    [TestCase("""{"type":"Point","coordinates":[120,30]}""", "is not a GeoJSON Feature")]
    public void Read_WhenAFeatureIsInvalid_ReportsItsIndexAndReason(string badFeature, string reason)
    {
        var json = Collection(Feature("OK", "好", "Polygon", $"[{Square(110, 30, 1)}]"), badFeature.Replace("SQUARE", Square(120, 30, 1), StringComparison.Ordinal));

        var result = GeoJsonAreaReader.Read(json, Options);

        Assert.That(result.Areas.Select(a => a.Area.Code), Is.EqualTo(new[] { "OK" }));
        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0].Index, Is.EqualTo(1));
        Assert.That(result.Problems[0].Reason, Does.Contain(reason));
    }

    [Test]
    public void Read_WhenSeveralFeaturesAreInvalid_ReportsEachOne()
    {
        var json = Collection(
            Feature("A", "甲", "Point", "[120,30]"),
            Feature("B", "乙", "Polygon", $"[{Square(120, 30, 1)}]"),
            Feature("B", "乙2", "Polygon", $"[{Square(121, 30, 1)}]"),
            """{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[]}}""");

        var result = GeoJsonAreaReader.Read(json, Options);

        Assert.That(result.Problems.Select(p => (p.Index, p.Code)), Is.EqualTo(new[] { (0, (string?)"A"), (2, "B"), (3, "C") }));
        Assert.That(result.Problems[1].Reason, Does.Contain("already used by feature 1"));
        Assert.That(result.Problems[2].Reason, Does.Contain("missing property 'name'"));
    }

    [Test]
    public void Read_WhenParentPropertyIsAskedForButMissing_ReportsIt()
    {
        var options = Options with { ParentProperty = "street" };
        var json = Collection(
            Feature("A", "甲", "Polygon", $"[{Square(120, 30, 1)}]", ",\"street\":\"S1\""),
            Feature("B", "乙", "Polygon", $"[{Square(121, 30, 1)}]"));

        var result = GeoJsonAreaReader.Read(json, options);

        Assert.That(result.Areas.Single().Area.ParentCode, Is.EqualTo("S1"));
        Assert.That(result.Problems.Single().Reason, Does.Contain("missing property 'street'"));
    }

    [Test]
    public void Read_WhenFileIsGcj02_StoresWgs84()
    {
        // WGS-84 (120.15, 30.27) in GCJ-02, worked out apart from ChinaCoordinates with the published formulas
        // (as in the coordtransform library) and rounded to 1e-7 degrees (about 1 cm).
        const double gLon = 120.1547086, gLat = 30.2676797;
        var json = Collection(Feature("A", "甲", "Polygon", $"[{Square(gLon, gLat, 0.01)}]"));

        var area = GeoJsonAreaReader.Read(json, Options with { Crs = CoordinateSystem.Gcj02 }).Areas.Single().Area;

        Assert.That(area.Geometry.Coordinates[0].X, Is.EqualTo(120.15).Within(1e-6));
        Assert.That(area.Geometry.Coordinates[0].Y, Is.EqualTo(30.27).Within(1e-6));
    }

    [TestCase("[1,2]", "not a GeoJSON FeatureCollection")]
    [TestCase("""{"type":"Feature"}""", "not a GeoJSON FeatureCollection")]
    [TestCase("""{"type":"FeatureCollection"}""", "no \"features\" array")]
    [TestCase("""{"type":"FeatureCollection",""", "not valid JSON")]
    public void Read_WhenTheFileIsNotAFeatureCollection_Throws(string json, string message)
    {
        Assert.That(() => GeoJsonAreaReader.Read(json, Options), Throws.TypeOf<AreaFileException>().With.Message.Contains(message));
    }
}
