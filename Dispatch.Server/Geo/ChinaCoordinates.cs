namespace Dispatch.Server.Geo;

/// <summary>
/// Conversions between WGS-84, GCJ-02 and BD-09 with the published GCJ-02 algorithm (Krasovsky 1940 ellipsoid).
/// Pure functions; points outside China are not shifted, as the Chinese map providers do not shift them.
/// </summary>
public static class ChinaCoordinates
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const double BaiduFactor = Math.PI * 3000.0 / 180.0;

    // 1e-7 degrees of latitude is about 1 cm: far inside the 0.1 m the issue asks for.
    private const double InverseTolerance = 1e-7;
    private const int InverseMaxIterations = 30;

    public static (double Lon, double Lat) Convert(double lon, double lat, CoordinateSystem from, CoordinateSystem to)
    {
        if (from == to)
        {
            return (lon, lat);
        }

        (double Lon, double Lat) wgs = from switch
        {
            CoordinateSystem.Wgs84 => (lon, lat),
            CoordinateSystem.Gcj02 => Gcj02ToWgs84(lon, lat),
            CoordinateSystem.Bd09 => Gcj02ToWgs84(Bd09ToGcj02(lon, lat)),
            _ => throw new ArgumentOutOfRangeException(nameof(from)),
        };
        return to switch
        {
            CoordinateSystem.Wgs84 => wgs,
            CoordinateSystem.Gcj02 => Wgs84ToGcj02(wgs.Lon, wgs.Lat),
            CoordinateSystem.Bd09 => Gcj02ToBd09(Wgs84ToGcj02(wgs.Lon, wgs.Lat)),
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
    }

    private static (double Lon, double Lat) Gcj02ToWgs84((double Lon, double Lat) p) => Gcj02ToWgs84(p.Lon, p.Lat);

    private static (double Lon, double Lat) Gcj02ToBd09((double Lon, double Lat) p) => Gcj02ToBd09(p.Lon, p.Lat);

    /// <summary>The rectangle the published algorithm treats as China.</summary>
    public static bool IsOutsideChina(double lon, double lat) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    public static (double Lon, double Lat) Wgs84ToGcj02(double lon, double lat)
    {
        if (IsOutsideChina(lon, lat))
        {
            return (lon, lat);
        }

        var (dLon, dLat) = Offset(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    /// <summary>
    /// GCJ-02 has no closed-form inverse: iterate the forward transform until it lands within about a centimetre,
    /// with a hard cap so a hostile input can never spin.
    /// </summary>
    public static (double Lon, double Lat) Gcj02ToWgs84(double lon, double lat)
    {
        if (IsOutsideChina(lon, lat))
        {
            return (lon, lat);
        }

        double wLon = lon, wLat = lat;
        for (var i = 0; i < InverseMaxIterations; i++)
        {
            var (gLon, gLat) = Wgs84ToGcj02(wLon, wLat);
            var errLon = gLon - lon;
            var errLat = gLat - lat;
            wLon -= errLon;
            wLat -= errLat;
            if (Math.Abs(errLon) < InverseTolerance && Math.Abs(errLat) < InverseTolerance)
            {
                break;
            }
        }

        return (wLon, wLat);
    }

    public static (double Lon, double Lat) Gcj02ToBd09(double lon, double lat)
    {
        var z = Math.Sqrt(lon * lon + lat * lat) + 0.00002 * Math.Sin(lat * BaiduFactor);
        var theta = Math.Atan2(lat, lon) + 0.000003 * Math.Cos(lon * BaiduFactor);
        return (z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    public static (double Lon, double Lat) Bd09ToGcj02(double lon, double lat)
    {
        var x = lon - 0.0065;
        var y = lat - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BaiduFactor);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BaiduFactor);
        return (z * Math.Cos(theta), z * Math.Sin(theta));
    }

    private static (double DLon, double DLat) Offset(double lon, double lat)
    {
        var x = lon - 105.0;
        var y = lat - 35.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        dLat += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLat += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLat += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;

        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        dLon += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLon += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLon += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - EccentricitySquared * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }
}
