using Dispatch.Contracts;

namespace Dispatch.Server.Geo;

/// <summary>
/// Distances on the sphere. NTS is planar: a "distance" between two longitude/latitude points in NTS is in
/// degrees, and a degree of longitude shrinks with latitude, so unit ranking measures here instead.
/// </summary>
public static class GreatCircle
{
    /// <summary>The IUGG mean Earth radius; the spherical model is within 0.5 % of the ellipsoid.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance in metres by the haversine formula (well-conditioned for short distances).</summary>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lon2 - lon1);
        var sinPhi = Math.Sin(dPhi / 2);
        var sinLambda = Math.Sin(dLambda / 2);
        var h = sinPhi * sinPhi + Math.Cos(phi1) * Math.Cos(phi2) * sinLambda * sinLambda;

        // Rounding can push h a hair above 1 for antipodal points; Asin would then return NaN.
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }

    public static double DistanceMetres(GeoPoint from, GeoPoint to) => DistanceMetres(from.Lon, from.Lat, to.Lon, to.Lat);

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
