using System.Text.Json;
using Dispatch.Contracts;
using NetTopologySuite.Geometries;

namespace Dispatch.Server.Geo;

/// <summary>
/// Writes loaded areas as a GeoJSON FeatureCollection for the maps, in the shape the maps read and no more.
/// Coordinates are WGS-84 [lon, lat] rounded to 6 decimals (about 10 cm), which halves the size of a large
/// layer; each feature carries a point inside it for the label, since a concave area's centroid may lie outside.
/// </summary>
public static class AreaFeatures
{
    public const string ContentType = "application/geo+json";

    public static void Write(Utf8JsonWriter json, IEnumerable<PreparedArea> areas)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var area in areas)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", area.Ref.Code);
            json.WriteStartObject("properties");
            json.WriteString("level", LevelName(area.Level));
            json.WriteString("code", area.Ref.Code);
            json.WriteString("name", area.Ref.Name);
            var label = area.Geometry.InteriorPoint;
            json.WriteStartArray("label");
            WriteCoordinate(json, label.Coordinate);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("geometry");
            WriteGeometry(json, area.Geometry);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string LevelName(AreaLevel level) => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        switch (geometry)
        {
            case Polygon polygon:
                json.WriteString("type", "Polygon");
                json.WriteStartArray("coordinates");
                WritePolygon(json, polygon);
                json.WriteEndArray();
                break;
            case MultiPolygon multi:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var part in multi.Geometries.Cast<Polygon>())
                {
                    json.WriteStartArray();
                    WritePolygon(json, part);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                break;
            default:
                // The importer only admits polygons; anything else would be a bug worth seeing, not a silent gap.
                throw new InvalidOperationException($"Area geometry {geometry.GeometryType} cannot be drawn.");
        }

        json.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter json, Polygon polygon)
    {
        WriteRing(json, polygon.ExteriorRing);
        foreach (var hole in polygon.InteriorRings)
        {
            WriteRing(json, hole);
        }
    }

    private static void WriteRing(Utf8JsonWriter json, LineString ring)
    {
        json.WriteStartArray();
        foreach (var coordinate in ring.Coordinates)
        {
            json.WriteStartArray();
            WriteCoordinate(json, coordinate);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteCoordinate(Utf8JsonWriter json, Coordinate coordinate)
    {
        json.WriteNumberValue(Math.Round(coordinate.X, 6));
        json.WriteNumberValue(Math.Round(coordinate.Y, 6));
    }
}
