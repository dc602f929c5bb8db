using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Geo;

/// <summary>
/// The rules a position meets whichever way it came (an alert, a grid event, a unit's report, the nearest-unit and
/// locate queries, the CLI): longitude and latitude in range, a datum the route accepts, a time not ahead of ours.
/// Each check reports through <c>fail(field, message)</c> with the same words everywhere and returns the value.
/// </summary>
public static class PositionRules
{
    /// <summary>
    /// How far ahead of our clock a report may be stamped: clocks drift. One allowance for every sender (110
    /// systems, grid apps, trackers), the looser of the two the routes had (units had 2 minutes): a report refused
    /// for a drifting clock is lost, while one stamped up to 5 minutes ahead is only ordered a little late.
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<CoordinateSystem> AnyCrs = [CoordinateSystem.Wgs84, CoordinateSystem.Gcj02, CoordinateSystem.Bd09];

    public static bool IsLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;

    public static bool IsLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;

    /// <summary>A time beyond drift: a wrong clock, not a late report.</summary>
    public static bool IsAhead(DateTimeOffset at, DateTimeOffset now) => at > now + MaxClockSkew;

    /// <summary>The name a sender writes for a datum: <c>wgs84</c>, <c>gcj02</c>, <c>bd09</c>.</summary>
    public static string CrsName(CoordinateSystem crs) => crs.ToString().ToLowerInvariant();

    /// <summary>A datum by name; none given is the first of <paramref name="accepted"/>. Null when refused.</summary>
    public static CoordinateSystem? Crs(string? text, string field, IReadOnlyList<CoordinateSystem> accepted, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return accepted[0];
        }

        if (StrictEnum.TryParse<CoordinateSystem>(text, out var crs) && accepted.Contains(crs))
        {
            return crs;
        }

        fail(field, StrictEnum.NotOneOf(field, text, accepted.Select(CrsName)));
        return null;
    }

    /// <summary>
    /// A point in one of the <paramref name="accepted"/> datums, converted to WGS-84; null when any part is bad
    /// (each bad part reported). <paramref name="prefix"/> names the object holding the fields, e.g. <c>location.</c>.
    /// </summary>
    public static GeoPoint? Point(
        double? lon, double? lat, string? crs, IReadOnlyList<CoordinateSystem> accepted, Action<string, string> fail, string prefix = "")
    {
        var x = Degrees(lon, prefix + "lon", fail);
        var y = Degrees(lat, prefix + "lat", fail);
        return ToWgs84(x, y, Crs(crs, prefix + "crs", accepted, fail));
    }

    /// <summary>The same point from a query string's texts.</summary>
    public static GeoPoint? Point(string? lon, string? lat, string? crs, IReadOnlyList<CoordinateSystem> accepted, Action<string, string> fail)
    {
        var x = Degrees(lon, "lon", fail);
        var y = Degrees(lat, "lat", fail);
        return ToWgs84(x, y, Crs(crs, "crs", accepted, fail));
    }

    /// <summary>Degrees from a query string; a missing one is reported as required.</summary>
    public static double? Degrees(string? text, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Degrees((double?)null, field, fail);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            fail(field, $"{field} '{Echo.Shorten(text)}' is not a number of decimal degrees; use a dot for decimals, e.g. {Example(field)}.");
            return null;
        }

        return Degrees(value, field, fail);
    }

    /// <summary>Degrees east (a field ending in <c>lon</c>) or north (<c>lat</c>), within range.</summary>
    public static double? Degrees(double? value, string field, Action<string, string> fail)
    {
        var isLon = field.EndsWith("lon", StringComparison.Ordinal);
        var (limit, direction) = isLon ? (180, "east") : (90, "north");
        if (value is not { } degrees)
        {
            fail(field, $"{field} is required: decimal degrees {direction}, e.g. {Example(field)}.");
            return null;
        }

        if (!(isLon ? IsLongitude(degrees) : IsLatitude(degrees)))
        {
            fail(field, string.Create(CultureInfo.InvariantCulture, $"{field} {degrees} is out of range: it must be within ±{limit} (degrees {direction})."));
            return null;
        }

        return degrees;
    }

    private static GeoPoint? ToWgs84(double? lon, double? lat, CoordinateSystem? crs)
    {
        if (lon is null || lat is null || crs is null)
        {
            return null;
        }

        var (wLon, wLat) = ChinaCoordinates.Convert(lon.Value, lat.Value, crs.Value, CoordinateSystem.Wgs84);
        return new GeoPoint(wLon, wLat);
    }

    private static string Example(string field) => field.EndsWith("lon", StringComparison.Ordinal) ? "120.1551" : "30.2741";
}
