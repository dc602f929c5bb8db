using Dispatch.Server.Geo;

namespace Dispatch.Tests.Geo;

public sealed class GreatCircleTests
{
    [Test]
    public void Distance_BeijingToShanghai_IsAbout1067Kilometres()
    {
        // The usual city-centre points: Beijing (116.4074, 39.9042), Shanghai (121.4737, 31.2304).
        var metres = GreatCircle.DistanceMetres(116.4074, 39.9042, 121.4737, 31.2304);

        Assert.That(metres / 1000, Is.EqualTo(1067).Within(1));
    }

    [Test]
    public void Distance_OneDegreeOfLatitude_IsAbout111Point2Kilometres()
    {
        var metres = GreatCircle.DistanceMetres(120.2, 30.0, 120.2, 31.0);

        Assert.That(metres / 1000, Is.EqualTo(111.2).Within(0.05));
    }

    [Test]
    public void Distance_OneDegreeOfLongitudeAtHangzhou_ShrinksWithTheCosineOfLatitude()
    {
        var metres = GreatCircle.DistanceMetres(120.0, 30.0, 121.0, 30.0);

        Assert.That(metres / 1000, Is.EqualTo(111.195 * Math.Cos(30 * Math.PI / 180)).Within(0.05));
    }

    [Test]
    public void Distance_ToTheSamePoint_IsZero()
    {
        Assert.That(GreatCircle.DistanceMetres(120.2153, 30.2891, 120.2153, 30.2891), Is.Zero);
    }

    [TestCase(0, 0, 180, 0)]
    [TestCase(120.2, 30.29, -59.8, -30.29)]
    [TestCase(0, 90, 0, -90)]
    public void Distance_BetweenAntipodes_IsHalfTheCircumference(double lon1, double lat1, double lon2, double lat2)
    {
        var metres = GreatCircle.DistanceMetres(lon1, lat1, lon2, lat2);

        Assert.That(metres, Is.EqualTo(Math.PI * GreatCircle.EarthRadiusMetres).Within(1));
    }

    [Test]
    public void Distance_IsSymmetric()
    {
        Assert.That(GreatCircle.DistanceMetres(120.21, 30.28, 120.23, 30.30),
            Is.EqualTo(GreatCircle.DistanceMetres(120.23, 30.30, 120.21, 30.28)).Within(1e-9));
    }
}
