using Dispatch.Contracts;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;

namespace Dispatch.Console.Bench;

/// <summary>
/// A city's worth of grid cells (网格) for benchmarks: an n×n tiling over a Hangzhou-sized extent, with every
/// lattice node and edge midpoint nudged deterministically so cells are irregular octagons that still tile
/// exactly (neighbours compute the same shared vertices).
/// </summary>
public static class SyntheticGrid
{
    public const double West = 119.90, South = 30.05, East = 120.50, North = 30.45;

    public static IReadOnlyList<AreaCandidate> Build(int n)
    {
        var dx = (East - West) / n;
        var dy = (North - South) / n;

        Coordinate Node(int i, int j)
        {
            // Border nodes stay put so the extent is a clean rectangle.
            var inside = i > 0 && i < n && j > 0 && j < n;
            return new Coordinate(
                West + (i + (inside ? Jitter(i, j, 1) * 0.2 : 0)) * dx,
                South + (j + (inside ? Jitter(i, j, 2) * 0.2 : 0)) * dy);
        }

        Coordinate Mid(Coordinate a, Coordinate b, int key)
        {
            var m = new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2);
            return new Coordinate(m.X + Jitter(key, 7, 3) * 0.1 * dx, m.Y + Jitter(key, 11, 4) * 0.1 * dy);
        }

        var cells = new List<AreaCandidate>(n * n);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var sw = Node(i, j);
                var se = Node(i + 1, j);
                var ne = Node(i + 1, j + 1);
                var nw = Node(i, j + 1);

                // Edge keys shared by the two cells on either side; border edges stay straight.
                var south = j == 0 ? Half(sw, se) : Mid(sw, se, EdgeKey(i, j, horizontal: true));
                var east = i == n - 1 ? Half(se, ne) : Mid(se, ne, EdgeKey(i + 1, j, horizontal: false));
                var north = j == n - 1 ? Half(ne, nw) : Mid(nw, ne, EdgeKey(i, j + 1, horizontal: true));
                var west = i == 0 ? Half(nw, sw) : Mid(sw, nw, EdgeKey(i, j, horizontal: false));
                var ring = GeoJsonAreaReader.Factory.CreateLinearRing([sw, south, se, east, ne, north, nw, west, sw.Copy()]);
                cells.Add(new AreaCandidate(AreaLevel.Grid, $"G{j:D3}{i:D3}", $"网格 {j}-{i}", null, GeoJsonAreaReader.Factory.CreatePolygon(ring)));
            }
        }

        return cells;
    }

    /// <summary>Random-looking points over the extent (some on no cell, as real incidents near a border are).</summary>
    public static (double Lon, double Lat)[] Points(int count, int seed)
    {
        var random = new Random(seed);
        var margin = 0.01;
        return Enumerable.Range(0, count)
            .Select(_ => (West - margin + random.NextDouble() * (East - West + 2 * margin), South - margin + random.NextDouble() * (North - South + 2 * margin)))
            .ToArray();
    }

    private static Coordinate Half(Coordinate a, Coordinate b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static int EdgeKey(int i, int j, bool horizontal) => ((i * 1009) + j) * 2 + (horizontal ? 0 : 1);

    /// <summary>A deterministic value in [-1, 1) from integers (a small integer hash; no shared Random state).</summary>
    private static double Jitter(int a, int b, int salt)
    {
        unchecked
        {
            var h = (uint)(a * 73856093) ^ (uint)(b * 19349663) ^ (uint)(salt * 83492791);
            h ^= h >> 13;
            h *= 0x5bd1e995;
            h ^= h >> 15;
            return (h / (double)uint.MaxValue * 2) - 1;
        }
    }
}
