#:package NetTopologySuite@2.5.0
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false

// Generates the invented demo geography of 云峰街道 (上城区, Hangzhou) and its demo units.
// Run from the repository root: dotnet run infra/geo/generate.cs
// Reproducible: every random choice comes from one seeded generator below; the same script writes the same files.
// (ManagePackageVersionsCentrally=false: the repository pins versions centrally, which a file-based app's
// #:package line may not; PublishAot=false: the AOT runtime pack is not on our package source.)

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

const ulong Seed = 20261122;
const int TotalGrids = 60;
const int MinGridsPerCommunity = 4;
const int LloydRounds = 4;

// 7 decimals is about 1 cm; every output coordinate lies on this grid, and overlays snap-round to it,
// so neighbouring polygons share exactly the same vertices and rounding cannot make a polygon invalid.
var precision = new PrecisionModel(1e7);
var factory = new GeometryFactory(precision);
var random = new SplitMix(Seed);
// A file-based app knows the folder of its .cs file; the files are written beside it.
var outDir = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine(Directory.GetCurrentDirectory(), "infra", "geo");

Polygon Ring(params double[] lonLat)
{
    var coords = new Coordinate[lonLat.Length / 2 + 1];
    for (var i = 0; i < lonLat.Length / 2; i++)
    {
        coords[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
    }

    coords[^1] = coords[0].Copy();
    return factory.CreatePolygon(coords);
}

// 上城区: an invented, simplified outline; only its containing the street matters.
var district = Ring(
    120.1480, 30.2210, 120.1950, 30.2280, 120.2460, 30.2420, 120.2790, 30.2650, 120.2860, 30.3060,
    120.2650, 30.3380, 120.2180, 30.3450, 120.1820, 30.3300, 120.1620, 30.3010, 120.1550, 30.2620);

// 云峰街道: convex, so that every clipped Voronoi cell stays one convex polygon.
var street = Ring(
    120.2035, 30.2745, 120.2210, 30.2712, 120.2352, 30.2768, 120.2398, 30.2890, 120.2371, 30.3020,
    120.2260, 30.3085, 120.2105, 30.3072, 120.2018, 30.2960, 120.2005, 30.2840);
string[] communityNames = ["云峰社区", "新塘社区", "春晖社区", "兴隆社区", "明月社区", "枫桥社区", "秋涛社区", "景和社区"];
// Name communities (and grids) from north-west to south-east so that codes read in a stable, map-like order.
var communityCells = MapOrder(Tessellate(street, communityNames.Length));

// Grids in proportion to community area, at least MinGridsPerCommunity each, TotalGrids in all.
var gridCounts = communityCells.Select(c => Math.Max(MinGridsPerCommunity, (int)Math.Round(TotalGrids * c.Area / street.Area))).ToArray();
while (gridCounts.Sum() != TotalGrids)
{
    var i = Array.IndexOf(gridCounts, gridCounts.Sum() > TotalGrids ? gridCounts.Max() : gridCounts.Min());
    gridCounts[i] += gridCounts.Sum() > TotalGrids ? -1 : 1;
}

// Each community is cut on its own, so no grid can cross a community border.
var gridCells = communityCells.Select((community, c) => MapOrder(Tessellate(community, gridCounts[c]))).ToList();

// Two precincts split by a north–south line that follows no community border (police districts are drawn
// along roads, not along residents' committees).
var westSide = Ring(120.150, 30.250, 120.2175, 30.250, 120.2215, 30.2850, 120.2165, 30.2960, 120.2200, 30.330, 120.150, 30.330);

// Rounding each polygon on its own would round a vertex on a shared border off that border, leaving slivers
// of gap and overlap. Instead all borders of all layers are noded once, snap-rounded to the 7-decimal grid,
// and polygonised into faces; every output polygon is a union of faces, so neighbours share exact vertices.
var linework = new List<Geometry> { street.Boundary, westSide.Boundary.Intersection(street) };
linework.AddRange(communityCells.Select(c => c.Boundary));
linework.AddRange(gridCells.SelectMany(g => g).Select(g => g.Boundary));
var noded = UnaryUnionNG.Union(factory.BuildGeometry(linework), precision);
var polygonizer = new Polygonizer();
polygonizer.Add(noded);
var faces = polygonizer.GetPolygons().Cast<Polygon>().Where(f => street.Contains(f.InteriorPoint)).ToList();
Require(polygonizer.GetInvalidRingLines().Count == 0 && polygonizer.GetCutEdges().Count == 0, "the borders polygonise cleanly");

(int Community, int Grid) Owner(Polygon face)
{
    var point = face.InteriorPoint;
    for (var c = 0; c < gridCells.Count; c++)
    {
        for (var g = 0; g < gridCells[c].Count; g++)
        {
            if (gridCells[c][g].Contains(point))
            {
                return (c, g);
            }
        }
    }

    throw new InvalidOperationException($"A face at {point} lies in no grid.");
}

var owners = faces.Select(Owner).ToList();
Polygon Merge(Func<int, bool> take, string what) =>
    AsPolygon(UnaryUnionNG.Union(factory.BuildGeometry(faces.Where((_, i) => take(i)).ToList()), precision), what);

var streetCode = "330102007";
var roundedStreet = Merge(_ => true, "云峰街道");
Require(Math.Abs(roundedStreet.Area - street.Area) <= 1e-6 * street.Area, "rounding keeps the street's area");
street = roundedStreet;
var communities = communityCells.Select((_, c) =>
    new Area($"{streetCode}{c + 1:000}", communityNames[c], streetCode, Merge(i => owners[i].Community == c, communityNames[c]))).ToList();
CheckTiling(street, communities.Select(c => c.Shape).ToList(), "communities of the street");
var grids = new List<Area>();
for (var c = 0; c < communities.Count; c++)
{
    var community = communities[c];
    var these = gridCells[c].Select((_, g) => new Area(
        $"{community.Code}{g + 1:000}", $"{community.Name}第{g + 1}网格", community.Code,
        Merge(i => owners[i] == (c, g), $"{community.Name}第{g + 1}网格"))).ToList();
    CheckTiling(community.Shape, these.Select(g => g.Shape).ToList(), $"grids of {community.Name}");
    grids.AddRange(these);
}

var yunfeng = Merge(i => westSide.Contains(faces[i].InteriorPoint), "云峰派出所");
var xintang = Merge(i => !westSide.Contains(faces[i].InteriorPoint), "新塘派出所");
CheckTiling(street, [yunfeng, xintang], "precincts of the street");
var precincts = new List<Area> { new("PS-YUNFENG", "云峰派出所", null, yunfeng), new("PS-XINTANG", "新塘派出所", null, xintang) };
Require(district.Contains(street), "the district contains the street");

WriteLayer("district.geojson", [new Area("330102", "上城区", null, district)]);
WriteLayer("street.geojson", [new Area(streetCode, "云峰街道", "330102", street)]);
WriteLayer("communities.geojson", communities);
WriteLayer("grids.geojson", grids);
WriteLayer("precincts.geojson", precincts);
WriteUnits();
Console.WriteLine($"Wrote 1 district, 1 street, {communities.Count} communities, {grids.Count} grids, {precincts.Count} precincts to {outDir}");

// Seeds spread by rejection sampling, relaxed a few Lloyd rounds for even sizes, then a Voronoi diagram
// clipped to the boundary (in full precision; rounding comes once, for all layers together).
List<Polygon> Tessellate(Polygon boundary, int count)
{
    var sites = new List<Coordinate>();
    var minSpacing = Math.Sqrt(boundary.Area / count) * 0.5;
    while (sites.Count < count)
    {
        var p = RandomPointIn(boundary);
        if (sites.All(s => s.Distance(p) >= minSpacing))
        {
            sites.Add(p);
        }
    }

    for (var round = 0; round < LloydRounds; round++)
    {
        sites = Voronoi(boundary, sites).Select(cell => boundary.Intersection(cell).Centroid.Coordinate).ToList();
    }

    return Voronoi(boundary, sites).Select(cell => AsPolygon(boundary.Intersection(cell), "a cell")).ToList();
}

static List<Polygon> MapOrder(List<Polygon> cells) =>
    cells.OrderByDescending(c => Math.Round(c.Centroid.Y, 3)).ThenBy(c => c.Centroid.X).ToList();

List<Geometry> Voronoi(Polygon boundary, List<Coordinate> sites)
{
    var builder = new VoronoiDiagramBuilder();
    builder.SetSites(sites);
    var clip = new Envelope(boundary.EnvelopeInternal);
    clip.ExpandBy(0.01);
    builder.ClipEnvelope = clip;
    var diagram = builder.GetDiagram(new GeometryFactory());
    return Enumerable.Range(0, diagram.NumGeometries).Select(diagram.GetGeometryN).ToList();
}

Coordinate RandomPointIn(Polygon boundary)
{
    var env = boundary.EnvelopeInternal;
    while (true)
    {
        var c = new Coordinate(env.MinX + random.NextDouble() * env.Width, env.MinY + random.NextDouble() * env.Height);
        if (boundary.Contains(factory.CreatePoint(c)))
        {
            return c;
        }
    }
}

Polygon AsPolygon(Geometry geometry, string what)
{
    Require(geometry is Polygon { IsEmpty: false, IsValid: true }, $"{what} is one valid polygon (got {geometry.GeometryType})");
    return (Polygon)geometry;
}

void CheckTiling(Polygon whole, IReadOnlyList<Polygon> parts, string what)
{
    var sum = parts.Sum(p => p.Area);
    Require(Math.Abs(sum - whole.Area) <= 1e-9 * whole.Area, $"{what}: areas add up ({sum} vs {whole.Area})");
    for (var i = 0; i < parts.Count; i++)
    {
        Require(parts[i].IsValid && whole.Covers(parts[i]), $"{what}: part {i} is valid and inside");
        for (var j = i + 1; j < parts.Count; j++)
        {
            var overlap = parts[i].Intersection(parts[j]).Area;
            Require(overlap <= 1e-12 * whole.Area, $"{what}: parts {i} and {j} overlap by {overlap}");
        }
    }
}

void WriteLayer(string fileName, IReadOnlyList<Area> areas)
{
    var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (var i = 0; i < areas.Count; i++)
    {
        var a = areas[i];
        // RFC 7946: exterior rings counter-clockwise.
        var shell = a.Shape.Shell.IsCCW ? a.Shape.Shell.Coordinates : a.Shape.Shell.Coordinates.Reverse().ToArray();
        Require(a.Shape.NumInteriorRings == 0, $"{a.Name} has no holes");
        var ring = string.Join(",", shell.Select(c => $"[{Number(c.X)},{Number(c.Y)}]"));
        var properties = new Dictionary<string, string> { ["code"] = a.Code, ["name"] = a.Name };
        if (a.Parent is not null)
        {
            properties["parent"] = a.Parent;
        }

        text.Append("{\"type\":\"Feature\",\"properties\":").Append(Json(properties))
            .Append(",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[").Append(ring).Append("]]}}")
            .Append(i < areas.Count - 1 ? ",\n" : "\n");
    }

    text.Append("]}\n");
    File.WriteAllText(Path.Combine(outDir, fileName), text.ToString(), new UTF8Encoding(false));
}

void WriteUnits()
{
    var units = new List<Dictionary<string, object>>();
    void Add(string code, string name, string organisation, string kind, Polygon within)
    {
        var p = RandomPointIn(within);
        units.Add(new()
        {
            ["code"] = code, ["name"] = name, ["organisation"] = organisation, ["kind"] = kind,
            ["lon"] = Math.Round(p.X, 6), ["lat"] = Math.Round(p.Y, 6),
        });
    }

    for (var i = 1; i <= 4; i++)
    {
        Add($"YF-PC{i:00}", $"云峰派出所巡逻车{i}号", "PS-YUNFENG", "PatrolCar", yunfeng);
        Add($"XT-PC{i:00}", $"新塘派出所巡逻车{i}号", "PS-XINTANG", "PatrolCar", xintang);
    }

    Add("YF-FP01", "云峰派出所步巡组", "PS-YUNFENG", "FootPatrol", yunfeng);
    Add("XT-FP01", "新塘派出所步巡组", "PS-XINTANG", "FootPatrol", xintang);
    string[] squadNames = ["一", "二", "三"];
    for (var i = 1; i <= 3; i++)
    {
        Add($"JD-LS{i:00}", $"云峰街道应急联动处置分队{squadNames[i - 1]}组", "JD-YUNFENG", "LinkageSquad", street);
    }

    // Grid members of the first grid of seven communities.
    foreach (var community in communities.Take(7))
    {
        var grid = grids.First(g => g.Parent == community.Code);
        Add($"WG-{grid.Code}", $"{grid.Name}网格员", "JD-YUNFENG", "GridMember", grid.Shape);
    }

    Add("CG-T01", "云峰城管执法中队一组", "CG-YUNFENG", "DepartmentTeam", street);
    Add("CG-T02", "云峰城管执法中队二组", "CG-YUNFENG", "DepartmentTeam", street);
    Add("SJ-T01", "云峰市场监管所巡查组", "SJ-YUNFENG", "DepartmentTeam", street);
    Add("SF-T01", "云峰司法所人民调解组", "SF-YUNFENG", "DepartmentTeam", street);

    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
    var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["units"] = units }, options);
    File.WriteAllText(Path.Combine(outDir, "units.json"), json + "\n", new UTF8Encoding(false));
}

static string Json(Dictionary<string, string> properties) =>
    JsonSerializer.Serialize(properties, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) });

static double Round7(double value) => Math.Round(value, 7, MidpointRounding.AwayFromZero);

static string Number(double value) => Round7(value).ToString("0.#######", CultureInfo.InvariantCulture);

static void Require(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Check failed: " + what);
    }
}

/// <summary>One polygon of a layer with its code, name and parent code.</summary>
internal sealed record Area(string Code, string Name, string? Parent, Polygon Shape);

/// <summary>SplitMix64: tiny, fully specified, so the output does not depend on System.Random's implementation.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong state = seed;

    public double NextDouble()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
