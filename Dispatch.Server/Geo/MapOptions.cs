namespace Dispatch.Server.Geo;

/// <summary>
/// The maps' optional background (<c>Map:TileUrl</c>, <c>Map:TileCrs</c>, <c>Map:Attribution</c>). With no tile URL
/// the maps draw the jurisdiction polygons on a plain background and need no network. Chinese tile services
/// (AMap, Tencent) draw in GCJ-02: with <c>TileCrs=gcj02</c> the browser shifts every WGS-84 position to match.
/// </summary>
public sealed class MapOptions
{
    /// <summary>A Leaflet URL template such as <c>https://tiles.example/{z}/{x}/{y}.png</c>, or null for none.</summary>
    public string? TileUrl { get; set; }

    /// <summary><c>wgs84</c> (default) or <c>gcj02</c>: the datum the tiles are drawn in.</summary>
    public string TileCrs { get; set; } = "wgs84";

    public string? Attribution { get; set; }
}

/// <summary>What <c>GET /api/geo/map</c> tells the browser.</summary>
public sealed record MapSettings(string? TileUrl, string TileCrs, string? Attribution);
