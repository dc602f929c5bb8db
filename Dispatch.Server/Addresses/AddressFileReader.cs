using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Server.Addresses;

/// <summary>A row that cannot be imported: its line (CSV, counting the header as 1) or feature index (GeoJSON), and why.</summary>
public sealed record AddressRowProblem(int Line, string? Id, string Reason);

/// <summary>The rows read from a file, valid ones with their grid, and every problem found.</summary>
public sealed record AddressReadResult(IReadOnlyList<AddressEntry> Entries, IReadOnlyList<AddressRowProblem> Problems, int Rows);

/// <summary>The grid and community holding a WGS-84 point, or nulls outside every grid.</summary>
public delegate (string? GridCode, string? Community) GridLookup(double lon, double lat);

/// <summary>
/// Reads a register file: CSV with a header (<c>id,district,street,community,road,number,compound,building,unit,lon,lat</c>,
/// optional <c>crs</c> per row) or a GeoJSON FeatureCollection of Points with the same properties. Every row is
/// checked and every problem reported with its line; the grid comes from the point, never from the file.
/// </summary>
public static class AddressFileReader
{
    private static readonly string[] RequiredColumns = ["id", "lon", "lat"];

    public static readonly string[] Columns = ["id", "district", "street", "community", "road", "number", "compound", "building", "unit", "lon", "lat"];

    /// <summary>Thrown when the file as a whole cannot be read (no header, wrong columns, not JSON).</summary>
    public sealed class AddressFileException(string message) : Exception(message);

    public static AddressReadResult Read(string text, CoordinateSystem crs, GridLookup grids) =>
        text.TrimStart('\uFEFF').TrimStart().StartsWith('{') ? ReadGeoJson(text, crs, grids) : ReadCsv(text, crs, grids);

    public static AddressReadResult ReadCsv(string text, CoordinateSystem crs, GridLookup grids)
    {
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new AddressFileException("The file is empty: the first line must be a header naming the columns " + string.Join(",", Columns) + ".");
        }

        var names = SplitCsv(header).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !names.Contains(c)).ToList();
        var unknown = names.Where(n => !Columns.Contains(n) && n is not "crs" and not "grid").ToList();
        if (missing.Count > 0 || unknown.Count > 0 || (!names.Contains("road") && !names.Contains("compound")))
        {
            throw new AddressFileException(
                $"Wrong columns in the header: {(missing.Count > 0 ? "missing " + string.Join(", ", missing) + "; " : "")}"
                + $"{(unknown.Count > 0 ? "unknown " + string.Join(", ", unknown.Take(5).Select(Echo.Shorten)) + (unknown.Count > 5 ? $" and {unknown.Count - 5} more" : "") + "; " : "")}"
                + $"expected {string.Join(",", Columns)} (road or compound at least, crs optional).");
        }

        var rows = new List<(int Line, Func<string, string?> Field)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitCsv(line);
            rows.Add((lineNumber, column =>
            {
                var i = names.IndexOf(column);
                return i >= 0 && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            }));
        }

        return Validate(rows, crs, grids);
    }

    public static AddressReadResult ReadGeoJson(string text, CoordinateSystem crs, GridLookup grids)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new AddressFileException($"The file is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new AddressFileException("The GeoJSON must be a FeatureCollection with a features array of Point features.");
            }

            var rows = new List<(int Line, Func<string, string?> Field)>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var fields = new Dictionary<string, string?>();
                if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        fields[p.Name.ToLowerInvariant()] = p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.Number => p.Value.GetRawText(),
                            _ => null,
                        };
                    }
                }

                if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
                    && geometry.TryGetProperty("type", out var type) && type.GetString() == "Point"
                    && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
                    && coordinates.GetArrayLength() >= 2)
                {
                    fields["lon"] = coordinates[0].GetRawText();
                    fields["lat"] = coordinates[1].GetRawText();
                }
                else
                {
                    fields["lon"] = fields["lat"] = null;
                    fields["geometry"] = "not a Point";
                }

                rows.Add((index++, column => fields.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null));
            }

            return Validate(rows, crs, grids);
        }
    }

    private static AddressReadResult Validate(List<(int Line, Func<string, string?> Field)> rows, CoordinateSystem fileCrs, GridLookup grids)
    {
        var entries = new List<AddressEntry>();
        var problems = new List<AddressRowProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, field) in rows)
        {
            var id = field("id");
            var why = new List<string>();
            if (id is null)
            {
                why.Add("id is empty");
            }
            else if (id.Length > 64)
            {
                why.Add("id is longer than 64 characters");
            }
            else if (seen.TryGetValue(id, out var first))
            {
                why.Add($"duplicate id {id} (first on line {first})");
            }
            else
            {
                seen[id] = line;
            }

            if (field("road") is null && field("compound") is null)
            {
                why.Add("road and compound are both empty: an address needs at least one");
            }

            if (field("road") is not null && field("compound") is null && field("number") is null)
            {
                why.Add("a road address needs its number");
            }

            foreach (var column in Columns.Skip(1).Take(8))
            {
                if (field(column) is { Length: > 100 })
                {
                    why.Add($"{column} is longer than 100 characters");
                }
            }

            var crs = fileCrs;
            if (field("crs") is { } rowCrs)
            {
                if (rowCrs.Equals("wgs84", StringComparison.OrdinalIgnoreCase))
                {
                    crs = CoordinateSystem.Wgs84;
                }
                else if (rowCrs.Equals("gcj02", StringComparison.OrdinalIgnoreCase))
                {
                    crs = CoordinateSystem.Gcj02;
                }
                else
                {
                    why.Add($"crs '{rowCrs}' is not wgs84 or gcj02");
                }
            }

            var lon = Degrees(field("lon"), "lon", 180, PositionRules.IsLongitude, why);
            var lat = Degrees(field("lat"), "lat", 90, PositionRules.IsLatitude, why);
            string? grid = null;
            string? community = field("community");
            if (lon is { } x && lat is { } y && why.Count == 0)
            {
                (x, y) = ChinaCoordinates.Convert(x, y, crs, CoordinateSystem.Wgs84);
                (grid, var gridCommunity) = grids(x, y);
                if (grid is null)
                {
                    why.Add(string.Create(CultureInfo.InvariantCulture, $"the point {x:0.000000},{y:0.000000} (WGS-84) lies outside every grid"));
                }

                community ??= gridCommunity;
                lon = Math.Round(x, 7);
                lat = Math.Round(y, 7);
            }

            if (why.Count > 0)
            {
                problems.Add(new AddressRowProblem(line, id, string.Join("; ", why)));
                continue;
            }

            entries.Add(new AddressEntry(id!, field("district"), field("street"), community, field("road"), field("number"),
                field("compound"), field("building"), field("unit"), lon!.Value, lat!.Value, grid!));
        }

        return new AddressReadResult(entries, problems, rows.Count);
    }

    private static double? Degrees(string? text, string column, double limit, Func<double, bool> inRange, List<string> why)
    {
        if (text is null)
        {
            why.Add($"{column} is empty");
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !inRange(value))
        {
            why.Add($"{column} '{text}' is not a number of degrees within ±{limit}");
            return null;
        }

        return value;
    }

    /// <summary>One CSV line (RFC 4180 quoting, no line breaks inside a field: addresses have none).</summary>
    public static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
