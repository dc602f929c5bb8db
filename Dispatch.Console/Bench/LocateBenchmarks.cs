using BenchmarkDotNet.Attributes;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Console.Bench;

/// <summary>
/// Locate against 10,000 grid cells, next to a raw baseline in the same run: an STR-tree of the same
/// polygons, unprepared, asking <c>Geometry.Covers</c> — what one writes without preparing. Each operation is
/// <see cref="PointsPerOperation"/> lookups, so the per-lookup cost is the mean divided by that.
/// </summary>
[MemoryDiagnoser]
public class LocateBenchmarks
{
    public const int PointsPerOperation = 1000;

    private JurisdictionSnapshot snapshot = null!;
    private STRtree<Geometry> rawTree = null!;
    private (double Lon, double Lat)[] points = null!;

    [Params(100)]
    public int GridSide { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cells = SyntheticGrid.Build(GridSide);
        snapshot = JurisdictionSnapshot.Build(cells.Select(c => new PreparedArea(c.Level, c.Code, c.Name, c.Geometry)));
        rawTree = new STRtree<Geometry>();
        foreach (var cell in cells)
        {
            rawTree.Insert(cell.Geometry.EnvelopeInternal, cell.Geometry);
        }

        rawTree.Build();
        points = SyntheticGrid.Points(PointsPerOperation, seed: 3);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PointsPerOperation, Description = "STRtree + Geometry.Covers (unprepared)")]
    public int RawStrTree()
    {
        var found = 0;
        foreach (var (lon, lat) in points)
        {
            var point = GeoJsonAreaReader.Factory.CreatePoint(new Coordinate(lon, lat));
            foreach (var candidate in rawTree.Query(point.EnvelopeInternal))
            {
                if (candidate.Covers(point))
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = PointsPerOperation, Description = "JurisdictionSnapshot.Locate (prepared)")]
    public int Locate()
    {
        var found = 0;
        foreach (var (lon, lat) in points)
        {
            if (snapshot.Locate(lon, lat).Grid is not null)
            {
                found++;
            }
        }

        return found;
    }
}
