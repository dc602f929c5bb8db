#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false

// Generates the invented demo address register (标准地址库) of 云峰街道 from grids.geojson and communities.geojson:
// house numbers along twelve invented roads, and five compounds (小区) per community with their buildings (幢) and
// units (单元), every point inside a demo grid. Run from the repository root after generate.cs:
//   dotnet run infra/geo/generate-addresses.cs
// Reproducible: one seeded SplitMix64 generator; the same grids give the same addresses.csv, byte for byte.

using System.Globalization;
using System.Text;
using System.Text.Json;

const ulong Seed = 20261218;
const double MetresPerDegreeLat = 111_320;
var metresPerDegreeLon = MetresPerDegreeLat * Math.Cos(30.29 * Math.PI / 180);
var random = new SplitMix(Seed);
var dir = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine(Directory.GetCurrentDirectory(), "infra", "geo");

var grids = ReadAreas(Path.Combine(dir, "grids.geojson"));
var communities = ReadAreas(Path.Combine(dir, "communities.geojson")).ToDictionary(c => c.Code);

// Each community's five compounds; the names are invented and some sound or look alike on purpose (兴隆花园 / 隆兴公寓),
// as real registers do.
var compoundNames = new Dictionary<string, string[]>
{
    ["云峰社区"] = ["云峰花园", "峰景苑", "翠竹小区", "金色家园", "云锦公寓"],
    ["新塘社区"] = ["新塘新村", "塘苑", "锦绣家园", "紫荆花园", "塘河人家"],
    ["春晖社区"] = ["春晖苑", "晖映公寓", "丽水花园", "桂花新村", "春风小区"],
    ["兴隆社区"] = ["兴隆花园", "隆兴公寓", "和睦家园", "福星小区", "兴盛苑"],
    ["明月社区"] = ["明月花园", "月桂苑", "清泉公寓", "银河小区", "星光家园"],
    ["枫桥社区"] = ["枫桥新村", "枫林苑", "红枫公寓", "绿洲花园", "桥西小区"],
    ["秋涛社区"] = ["秋涛苑", "涛声家园", "金秋花园", "东方公寓", "海棠小区"],
    ["景和社区"] = ["景和花园", "和乐苑", "景秀公寓", "阳光小区", "景福苑"],
};

// Six east–west and six north–south roads across the street, slightly slanted; numbers every 40 m, odd on the
// north/east side and even on the other, 12 m off the centre line.
string[] eastWest = ["云峰路", "新塘路", "春晖路", "兴隆街", "明月路", "枫桥路"];
string[] northSouth = ["秋涛路", "景和路", "笕丰路", "望江路", "采荷路", "德胜路"];
var (minLon, minLat, maxLon, maxLat) = Bounds(grids);
var rows = new List<string[]>();
var numbers = new List<(string Road, int Number, double Lon, double Lat, string Id)>();

for (var r = 0; r < 12; r++)
{
    var isEastWest = r < 6;
    var name = isEastWest ? eastWest[r] : northSouth[r - 6];
    var t = (r % 6 + 0.5 + ((random.NextDouble() - 0.5) * 0.4)) / 6;
    var slant = (random.NextDouble() - 0.5) * 0.1;
    var (startLon, startLat) = isEastWest ? (minLon, minLat + (t * (maxLat - minLat))) : (minLon + (t * (maxLon - minLon)), minLat);
    var (dirLon, dirLat) = isEastWest ? (1.0, slant) : (slant, 1.0);
    var length = isEastWest ? (maxLon - minLon) * metresPerDegreeLon : (maxLat - minLat) * MetresPerDegreeLat;
    var (normalLon, normalLat) = isEastWest ? (0.0, 1.0) : (1.0, 0.0);
    var step = 0;
    for (var along = 20.0; along < length; along += 40, step++)
    {
        foreach (var side in new[] { 1, 2 })
        {
            var number = (step * 2) + side;
            var offset = side == 1 ? 12 : -12;
            var lon = startLon + (dirLon * along / metresPerDegreeLon) + (normalLon * offset / metresPerDegreeLon);
            var lat = startLat + (dirLat * along / MetresPerDegreeLat) + (normalLat * offset / MetresPerDegreeLat);
            if (GridOf(lon, lat) is not null)
            {
                numbers.Add((name, number, lon, lat, $"YF-R{r + 1:00}-{number:0000}"));
            }
        }
    }
}

var gates = new HashSet<string>();
var compoundIndex = 0;
foreach (var community in communities.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
{
    var ownGrids = grids.Where(g => g.Parent == community.Code).ToList();
    foreach (var compound in compoundNames[community.Name])
    {
        compoundIndex++;
        var grid = ownGrids[(int)(random.NextDouble() * ownGrids.Count)];
        var (cLon, cLat) = PointIn(grid);

        // The gate: the nearest free house number within 400 m; that number then is the compound's own entry.
        var gate = numbers.Where(n => !gates.Contains(n.Id))
            .Select(n => (n, Distance: Metres(n.Lon, n.Lat, cLon, cLat)))
            .Where(x => x.Distance < 400).OrderBy(x => x.Distance).Select(x => x.n).FirstOrDefault();
        string? road = null, number = null;
        if (gate.Road is not null)
        {
            gates.Add(gate.Id);
            road = gate.Road;
            number = gate.Number.ToString(CultureInfo.InvariantCulture);
        }

        var id = $"YF-C{compoundIndex:00}";
        rows.Add([id, community.Name, road ?? "", number ?? "", compound, "", "", Coordinate(cLon), Coordinate(cLat)]);
        var buildings = 8 + (int)(random.NextDouble() * 9);
        for (var b = 1; b <= buildings; b++)
        {
            var (bLon, bLat) = Near(grid, cLon, cLat, 90);
            rows.Add([$"{id}-B{b:00}", community.Name, road ?? "", number ?? "", compound, b.ToString(CultureInfo.InvariantCulture), "", Coordinate(bLon), Coordinate(bLat)]);
            var units = 2 + (int)(random.NextDouble() * 3);
            for (var u = 1; u <= units; u++)
            {
                var (uLon, uLat) = Near(grid, bLon, bLat, 8);
                rows.Add([$"{id}-B{b:00}-U{u}", community.Name, road ?? "", number ?? "", compound, b.ToString(CultureInfo.InvariantCulture),
                    u.ToString(CultureInfo.InvariantCulture), Coordinate(uLon), Coordinate(uLat)]);
            }
        }
    }
}

foreach (var n in numbers.Where(n => !gates.Contains(n.Id)))
{
    var community = communities[GridOf(n.Lon, n.Lat)!.Parent!].Name;
    rows.Add([n.Id, community, n.Road, n.Number.ToString(CultureInfo.InvariantCulture), "", "", "", Coordinate(n.Lon), Coordinate(n.Lat)]);
}

var csv = new StringBuilder("id,district,street,community,road,number,compound,building,unit,lon,lat\n");
foreach (var row in rows.OrderBy(r => r[0], StringComparer.Ordinal))
{
    csv.Append(row[0]).Append(",上城区,云峰街道,").AppendJoin(',', row.Skip(1)).Append('\n');
}

File.WriteAllText(Path.Combine(dir, "addresses.csv"), csv.ToString(), new UTF8Encoding(false));
Console.WriteLine($"Wrote {rows.Count} addresses ({numbers.Count - gates.Count} house numbers, {compoundIndex} compounds) to {dir}");

Area? GridOf(double lon, double lat) => grids.FirstOrDefault(g => Inside(g.Ring, lon, lat));

(double, double) PointIn(Area area)
{
    var (x0, y0, x1, y1) = Bounds([area]);
    while (true)
    {
        var lon = x0 + (random.NextDouble() * (x1 - x0));
        var lat = y0 + (random.NextDouble() * (y1 - y0));
        if (Inside(area.Ring, lon, lat) && DistanceToEdge(area.Ring, lon, lat) > 100)
        {
            return (lon, lat);
        }
    }
}

(double, double) Near(Area area, double lon, double lat, double radius)
{
    for (var attempt = 0; attempt < 50; attempt++)
    {
        var x = lon + ((random.NextDouble() - 0.5) * 2 * radius / metresPerDegreeLon);
        var y = lat + ((random.NextDouble() - 0.5) * 2 * radius / MetresPerDegreeLat);
        if (Inside(area.Ring, x, y))
        {
            return (x, y);
        }
    }

    return (lon, lat);
}

double Metres(double lon1, double lat1, double lon2, double lat2) =>
    Math.Sqrt(Math.Pow((lon1 - lon2) * metresPerDegreeLon, 2) + Math.Pow((lat1 - lat2) * MetresPerDegreeLat, 2));

double DistanceToEdge(double[][] ring, double lon, double lat)
{
    var best = double.MaxValue;
    for (var i = 0; i + 1 < ring.Length; i++)
    {
        var (ax, ay) = (ring[i][0] * metresPerDegreeLon, ring[i][1] * MetresPerDegreeLat);
        var (bx, by) = (ring[i + 1][0] * metresPerDegreeLon, ring[i + 1][1] * MetresPerDegreeLat);
        var (px, py) = (lon * metresPerDegreeLon, lat * MetresPerDegreeLat);
        var t = Math.Clamp((((px - ax) * (bx - ax)) + ((py - ay) * (by - ay))) / Math.Max(1e-9, Math.Pow(bx - ax, 2) + Math.Pow(by - ay, 2)), 0, 1);
        best = Math.Min(best, Math.Sqrt(Math.Pow(px - (ax + (t * (bx - ax))), 2) + Math.Pow(py - (ay + (t * (by - ay))), 2)));
    }

    return best;
}

static string Coordinate(double value) => Math.Round(value, 7, MidpointRounding.AwayFromZero).ToString("0.0000000", CultureInfo.InvariantCulture);

static bool Inside(double[][] ring, double lon, double lat)
{
    var inside = false;
    for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
    {
        if ((ring[i][1] > lat) != (ring[j][1] > lat)
            && lon < ((ring[j][0] - ring[i][0]) * (lat - ring[i][1]) / (ring[j][1] - ring[i][1])) + ring[i][0])
        {
            inside = !inside;
        }
    }

    return inside;
}

static (double, double, double, double) Bounds(IEnumerable<Area> areas)
{
    var points = areas.SelectMany(a => a.Ring).ToList();
    return (points.Min(p => p[0]), points.Min(p => p[1]), points.Max(p => p[0]), points.Max(p => p[1]));
}

static List<Area> ReadAreas(string path)
{
    using var document = JsonDocument.Parse(File.ReadAllText(path));
    return document.RootElement.GetProperty("features").EnumerateArray().Select(f =>
    {
        var props = f.GetProperty("properties");
        var ring = f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray();
        return new Area(props.GetProperty("code").GetString()!, props.GetProperty("name").GetString()!,
            props.TryGetProperty("parent", out var parent) ? parent.GetString() : null, ring);
    }).ToList();
}

/// <summary>A polygon of a layer (the demo grids and communities are single-ring Polygons).</summary>
internal sealed record Area(string Code, string Name, string? Parent, double[][] Ring);

/// <summary>SplitMix64, as in generate.cs: the output does not depend on System.Random's implementation.</summary>
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
