using Dispatch.Server.Geo;

namespace Dispatch.Tests.Geo;

public sealed class ChinaCoordinatesTests
{
    [Test]
    public void Wgs84ToGcj02_MatchesThePublishedReferenceValue()
    {
        var (lon, lat) = ChinaCoordinates.Wgs84ToGcj02(116.404, 39.915);

        Assert.That(lon, Is.EqualTo(116.41024449916938).Within(1e-9));
        Assert.That(lat, Is.EqualTo(39.91640428150164).Within(1e-9));
    }

    [TestCase(116.404, 39.915)]
    [TestCase(120.2, 30.28)]
    [TestCase(121.4737, 31.2304)]
    [TestCase(87.6168, 43.8256)]
    public void Gcj02ToWgs84_RoundTripsWithinATenthOfAMetre(double lon, double lat)
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(lon, lat);
        var back = ChinaCoordinates.Gcj02ToWgs84(gcj.Lon, gcj.Lat);

        // 0.1 m is about 9e-7 degrees of latitude.
        Assert.That(back.Lon, Is.EqualTo(lon).Within(9e-7));
        Assert.That(back.Lat, Is.EqualTo(lat).Within(9e-7));
    }

    [TestCase(2.3522, 48.8566)]
    [TestCase(-74.006, 40.7128)]
    public void Convert_WhenOutsideChina_DoesNotShift(double lon, double lat)
    {
        Assert.That(ChinaCoordinates.Convert(lon, lat, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02), Is.EqualTo((lon, lat)));
        Assert.That(ChinaCoordinates.Convert(lon, lat, CoordinateSystem.Gcj02, CoordinateSystem.Wgs84), Is.EqualTo((lon, lat)));
    }

    [Test]
    public void Bd09_RoundTripsThroughWgs84()
    {
        var bd = ChinaCoordinates.Convert(120.2, 30.28, CoordinateSystem.Wgs84, CoordinateSystem.Bd09);
        var back = ChinaCoordinates.Convert(bd.Lon, bd.Lat, CoordinateSystem.Bd09, CoordinateSystem.Wgs84);

        Assert.That(bd.Lon, Is.Not.EqualTo(120.2).Within(1e-3));
        Assert.That(back.Lon, Is.EqualTo(120.2).Within(2e-6));
        Assert.That(back.Lat, Is.EqualTo(30.28).Within(2e-6));
    }

    [Test]
    public void Gcj02ToWgs84_AtTheEdgeOfTheChinaRectangle_Terminates()
    {
        var (lon, lat) = ChinaCoordinates.Gcj02ToWgs84(72.0041, 0.83);

        Assert.That(double.IsFinite(lon) && double.IsFinite(lat), Is.True);
    }
}
