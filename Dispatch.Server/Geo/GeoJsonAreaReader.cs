using System.Globalization;
using System.Text.Json;
using Dispatch.Contracts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Dispatch.Server.Geo;

/// <summary>How to read one GeoJSON file into one layer.</summary>
/// <param name="Level">The layer every feature of the file belongs to.</param>
/// <param name="CodeProperty">The feature property holding the area code.</param>
/// <param name="NameProperty">The feature property holding the area name.</param>
/// <param name="ParentProperty">The feature property holding the parent area's code; never for precincts.</param>
/// <param name="Crs">The datum of the file's coordinates; they are stored as WGS-84.</param>
public sealed record AreaImportOptions(
    AreaLevel Level, string CodeProperty, string NameProperty, string? ParentProperty, CoordinateSystem Crs);

/// <summary>An area read from a file, in WGS-84, valid, ready to store.</summary>
public sealed record AreaCandidate(AreaLevel Level, string Code, string Name, string? ParentCode, Geometry Geometry);

/// <summary>A candidate and its position in the file's <c>features</c> array (0-based).</summary>
public sealed record IndexedArea(int Index, AreaCandidate Area);

/// <summary>Why feature <paramref name="Index"/> (0-based) cannot be imported; <paramref name="Code"/> when it could be read.</summary>
public sealed record FeatureProblem(int Index, string? Code, string Reason);

/// <summary>What a file holds: the valid areas and a reason for every invalid feature.</summary>
public sealed record AreaReadResult(IReadOnlyList<IndexedArea> Areas, IReadOnlyList<FeatureProblem> Problems);

/// <summary>The file as a whole is unusable (not JSON, not a FeatureCollection): no feature can be judged.</summary>
public sealed class AreaFileException(string message) : Exception(message);

/// <summary>
/// Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features (as QGIS, ArcGIS and ogr2ogr export
/// them) into candidate areas. Pure: no I/O, no clock. Every invalid feature is reported with its index and
/// reason rather than stopping at the first, so one run tells the GIS team everything to fix.
/// </summary>
public static class GeoJsonAreaReader
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;

    /// <summary>SRID 4326 (WGS-84 lon/lat); floating precision so stored coordinates are the file's, unrounded.</summary>
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static AreaReadResult Read(string json, AreaImportOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new AreaFileException($"The file is not valid JSON{where}: {ex.Message}");
        }

        using (document)
        {
            return Read(document.RootElement, options);
        }
    }

    public static AreaReadResult Read(JsonElement root, AreaImportOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "FeatureCollection")
        {
            throw new AreaFileException("The file is not a GeoJSON FeatureCollection: it needs \"type\": \"FeatureCollection\" at the top.");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new AreaFileException("The FeatureCollection has no \"features\" array.");
        }

        var areas = new List<IndexedArea>();
        var problems = new List<FeatureProblem>();
        var firstIndexOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var (area, problem) = ReadFeature(index, feature, options);
            if (area is not null && firstIndexOfCode.TryGetValue(area.Code, out var first))
            {
                problem = new FeatureProblem(index, area.Code, $"code '{area.Code}' is already used by feature {first} of this file.");
            }

            if (problem is not null)
            {
                problems.Add(problem);
            }
            else if (area is not null)
            {
                firstIndexOfCode[area.Code] = index;
                areas.Add(new IndexedArea(index, area));
            }

            index++;
        }

        return new AreaReadResult(areas, problems);
    }

    private static (AreaCandidate? Area, FeatureProblem? Problem) ReadFeature(int index, JsonElement feature, AreaImportOptions options)
    {
        FeatureProblem Fail(string? code, string reason) => new(index, code, reason);

        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "Feature")
        {
            return (null, Fail(null, "is not a GeoJSON Feature object."));
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        var code = Text(properties, options.CodeProperty);
        if (code is null)
        {
            return (null, Fail(null, $"missing property '{options.CodeProperty}' (the area code)."));
        }

        if (code.Length > MaxCodeLength)
        {
            return (null, Fail(code[..MaxCodeLength], $"the code is longer than {MaxCodeLength} characters."));
        }

        var name = Text(properties, options.NameProperty);
        if (name is null)
        {
            return (null, Fail(code, $"missing property '{options.NameProperty}' (the area name)."));
        }

        if (name.Length > MaxNameLength)
        {
            return (null, Fail(code, $"the name is longer than {MaxNameLength} characters."));
        }

        string? parent = null;
        if (options.ParentProperty is { } parentProperty)
        {
            parent = Text(properties, parentProperty);
            if (parent is null)
            {
                return (null, Fail(code, $"missing property '{parentProperty}' (the parent area code)."));
            }

            if (parent.Length > MaxCodeLength)
            {
                return (null, Fail(code, $"the parent code is longer than {MaxCodeLength} characters."));
            }
        }

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return (null, Fail(code, "has no geometry."));
        }

        var geometryType = geometry.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String ? gt.GetString() : null;
        if (geometryType is not ("Polygon" or "MultiPolygon"))
        {
            return (null, Fail(code, $"geometry type '{geometryType ?? "(none)"}' is not Polygon or MultiPolygon."));
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return (null, Fail(code, "the geometry has no \"coordinates\" array."));
        }

        try
        {
            Geometry shape = geometryType == "Polygon"
                ? ReadPolygon(coordinates, "", options.Crs)
                : Factory.CreateMultiPolygon(coordinates.EnumerateArray()
                    .Select((polygon, i) => ReadPolygon(polygon, $"polygon {i}, ", options.Crs)).ToArray());
            if (shape.IsEmpty)
            {
                return (null, Fail(code, "the geometry is empty."));
            }

            var error = new IsValidOp(shape).ValidationError;
            if (error is not null)
            {
                return (null, Fail(code, string.Create(CultureInfo.InvariantCulture,
                    $"invalid geometry: {error.Message} at ({error.Coordinate.X:0.#######}, {error.Coordinate.Y:0.#######}).")));
            }

            return (new AreaCandidate(options.Level, code, name, parent, shape), null);
        }
        catch (FormatException ex)
        {
            return (null, Fail(code, ex.Message));
        }
    }

    private static Polygon ReadPolygon(JsonElement rings, string where, CoordinateSystem crs)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw new FormatException($"{where}a polygon must be an array of rings, the outer ring first.");
        }

        var linearRings = rings.EnumerateArray().Select((ring, i) => ReadRing(ring, $"{where}ring {i}", crs)).ToArray();
        return Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static LinearRing ReadRing(JsonElement ring, string where, CoordinateSystem crs)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where} is not an array of positions.");
        }

        var points = new List<Coordinate>(ring.GetArrayLength());
        var i = 0;
        foreach (var position in ring.EnumerateArray())
        {
            points.Add(ReadPosition(position, $"{where}, point {i}", crs));
            i++;
        }

        if (points.Count < 4)
        {
            throw new FormatException($"{where} has {points.Count} point(s); a ring needs at least 4 (a closed triangle).");
        }

        if (!points[0].Equals2D(points[^1]))
        {
            throw new FormatException($"{where} is not closed: its last point must repeat its first.");
        }

        return Factory.CreateLinearRing(points.ToArray());
    }

    private static Coordinate ReadPosition(JsonElement position, string where, CoordinateSystem crs)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
            || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
        {
            throw new FormatException($"{where} is not a [longitude, latitude] pair of numbers.");
        }

        if (!PositionRules.IsLongitude(lon) || !PositionRules.IsLatitude(lat))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"{where} ({lon}, {lat}) is out of range: longitude must be within ±180 and latitude within ±90. Is the file projected rather than lon/lat?"));
        }

        var (x, y) = ChinaCoordinates.Convert(lon, lat, crs, CoordinateSystem.Wgs84);
        return new Coordinate(x, y);
    }

    /// <summary>A property as text: GIS exports hold codes as strings or as numbers; blank counts as missing.</summary>
    private static string? Text(JsonElement? properties, string name)
    {
        if (properties is not { } props || !props.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
