using Dispatch.Contracts;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;

namespace Dispatch.Tests.Geo;

public sealed class JurisdictionIndexTests
{
    private static readonly GeometryFactory F = GeoJsonAreaReader.Factory;

    private static Polygon Rect(double x0, double y0, double x1, double y1, Polygon? hole = null) =>
        F.CreatePolygon(F.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]),
            hole is null ? null : [(LinearRing)hole.ExteriorRing]);

    private static PreparedArea Area(AreaLevel level, string code, Geometry geometry) => new(level, code, code + "名", geometry);

    /// <summary>
    /// Two communities side by side sharing the edge x = 1 (B left, A right, so the lower code is not simply the
    /// first inserted); B has a hole; a two-part community M; a precinct P crossing both.
    /// </summary>
    private static JurisdictionSnapshot Sample() => JurisdictionSnapshot.Build(
    [
        Area(AreaLevel.District, "D1", Rect(0, 0, 10, 10)),
        Area(AreaLevel.Community, "C-B", Rect(0, 0, 1, 1, hole: Rect(0.4, 0.4, 0.6, 0.6))),
        Area(AreaLevel.Community, "C-A", Rect(1, 0, 2, 1)),
        Area(AreaLevel.Community, "C-M", F.CreateMultiPolygon([Rect(5, 5, 6, 6), Rect(7, 7, 8, 8)])),
        Area(AreaLevel.Precinct, "P1", Rect(0.5, -5, 1.5, 5)),
    ]);

    [Test]
    public void Locate_WhenInsideOneArea_GivesItWithoutBoundaryFlag()
    {
        var j = Sample().Locate(0.2, 0.2);

        Assert.That(j, Is.EqualTo(new Jurisdiction(new("D1", "D1名"), null, new("C-B", "C-B名"), null, null, false)));
    }

    [Test]
    public void Locate_WhenInTheHole_HasNoCommunity()
    {
        var j = Sample().Locate(0.5, 0.5);

        Assert.That(j.Community, Is.Null);
        Assert.That(j.District?.Code, Is.EqualTo("D1"));
        Assert.That(j.Precinct?.Code, Is.EqualTo("P1"));
    }

    [Test]
    public void Locate_WhenOnTheHoleEdge_GivesTheAreaOnBoundary()
    {
        var j = Sample().Locate(0.4, 0.5);

        Assert.That(j.Community?.Code, Is.EqualTo("C-B"));
        Assert.That(j.OnBoundary, Is.True);
    }

    [TestCase(1.0, 0.5)]
    [TestCase(1.0, 0.0)]
    [TestCase(1.0, 1.0)]
    public void Locate_WhenOnAnEdgeOrVertexSharedByTwoAreas_GivesTheLowerCodeOnBoundary(double lon, double lat)
    {
        var j = Sample().Locate(lon, lat);

        Assert.That(j.Community?.Code, Is.EqualTo("C-A"), "C-A < C-B in ordinal order");
        Assert.That(j.OnBoundary, Is.True);
    }

    [TestCase(1.0, 0.5)]
    [TestCase(1.0, 0.0)]
    [TestCase(1.0, 1.0)]
    public void Locate_WhenOnAnEdgeOrVertexSharedByTwoAreas_NamesTheOtherSideAsSharing(double lon, double lat)
    {
        Assert.That(Sample().Locate(lon, lat).SharedWith, Is.EqualTo(new[] { "C-B" }));
    }

    [TestCase(0.2, 0.2)]
    [TestCase(0.4, 0.5)]
    public void Locate_WhenInsideOrOnAnEdgeNoOtherAreaShares_SharesWithNone(double lon, double lat)
    {
        Assert.That(Sample().Locate(lon, lat).SharedWith, Is.Null);
    }

    [Test]
    public void Locate_WhenOnAnEdgeSharedByTwoAreas_AnswersTheSameWhateverTheInsertionOrder()
    {
        var reversed = JurisdictionSnapshot.Build([Area(AreaLevel.Grid, "G2", Rect(1, 0, 2, 1)), Area(AreaLevel.Grid, "G1", Rect(0, 0, 1, 1))]);
        var forward = JurisdictionSnapshot.Build([Area(AreaLevel.Grid, "G1", Rect(0, 0, 1, 1)), Area(AreaLevel.Grid, "G2", Rect(1, 0, 2, 1))]);

        Assert.That(reversed.Locate(1, 0.3).Grid?.Code, Is.EqualTo("G1"));
        Assert.That(forward.Locate(1, 0.3).Grid?.Code, Is.EqualTo("G1"));
    }

    [TestCase(5.5, 5.5)]
    [TestCase(7.5, 7.5)]
    public void Locate_WhenInEitherPartOfAMultiPolygon_GivesIt(double lon, double lat)
    {
        Assert.That(Sample().Locate(lon, lat).Community?.Code, Is.EqualTo("C-M"));
    }

    [Test]
    public void Locate_WhenBetweenThePartsOfAMultiPolygon_HasNoCommunity()
    {
        Assert.That(Sample().Locate(6.5, 6.5).Community, Is.Null);
    }

    [Test]
    public void Locate_WhenOutsideEverything_GivesAllNull()
    {
        Assert.That(Sample().Locate(50, 50), Is.EqualTo(Jurisdiction.None));
    }

    [Test]
    public void Locate_PrecinctIsIndependentOfTheOtherLayers()
    {
        var outsideDistrict = Sample().Locate(1.0, -3);

        Assert.That(outsideDistrict.Precinct?.Code, Is.EqualTo("P1"));
        Assert.That(outsideDistrict.District, Is.Null);
        Assert.That(outsideDistrict.Community, Is.Null);
        Assert.That(outsideDistrict.OnBoundary, Is.False);
    }

    [Test]
    public void Replace_SwapsTheWholeSnapshot()
    {
        var index = new JurisdictionIndex();
        Assert.That(index.Locate(0.2, 0.2), Is.EqualTo(Jurisdiction.None));

        index.Replace(Sample());

        Assert.That(index.Locate(0.2, 0.2).Community?.Code, Is.EqualTo("C-B"));
        Assert.That(index.Current.Count, Is.EqualTo(5));
    }
}
