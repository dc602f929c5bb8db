namespace Dispatch.Contracts;

/// <summary>A position on the wire: longitude and latitude in degrees, always WGS-84 once past intake.</summary>
/// <param name="Lon">Longitude, −180…180.</param>
/// <param name="Lat">Latitude, −90…90.</param>
public sealed record GeoPoint(double Lon, double Lat);
