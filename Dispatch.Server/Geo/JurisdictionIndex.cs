using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dispatch.Contracts;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Server.Geo;

/// <summary>One area ready for point lookups: its polygon prepared once, its point locator built up front.</summary>
public sealed class PreparedArea
{
    public PreparedArea(AreaLevel level, string code, string name, Geometry geometry)
    {
        Level = level;
        Ref = new AreaRef(code, name);
        Geometry = geometry;
        Prepared = PreparedGeometryFactory.Prepare(geometry);

        // The prepared polygon's own locator answers interior / boundary / exterior in one pass, which is
        // what the boundary rule needs. It builds its segment index lazily: build it here, on one thread,
        // so concurrent lookups only ever read it.
        Locator = Prepared is PreparedPolygon polygon ? polygon.PointLocator : new IndexedPointInAreaLocator(geometry);
        Locator.Locate(geometry.EnvelopeInternal.Centre);
    }

    public AreaLevel Level { get; }

    public AreaRef Ref { get; }

    public Geometry Geometry { get; }

    public IPreparedGeometry Prepared { get; }

    public IPointOnGeometryLocator Locator { get; }
}

/// <summary>
/// An immutable set of layers, one STR-tree of prepared areas per level. Pure and thread-safe once built;
/// <see cref="JurisdictionIndex"/> swaps whole snapshots, so a lookup never sees half an import.
/// </summary>
public sealed class JurisdictionSnapshot
{
    private static readonly AreaLevel[] Levels = Enum.GetValues<AreaLevel>();

    private readonly STRtree<PreparedArea>?[] trees;
    private readonly Dictionary<(AreaLevel, string), PreparedArea> byCode;
    private readonly ConcurrentDictionary<string, FrozenSet<string>> reaches = new(StringComparer.Ordinal);

    private JurisdictionSnapshot(STRtree<PreparedArea>?[] trees, Dictionary<(AreaLevel, string), PreparedArea> byCode)
    {
        this.trees = trees;
        this.byCode = byCode;
        Count = byCode.Count;
    }

    public static JurisdictionSnapshot Empty { get; } = Build([]);

    /// <summary>How many areas the snapshot holds, all levels together.</summary>
    public int Count { get; }

    public static JurisdictionSnapshot Build(IEnumerable<PreparedArea> areas)
    {
        var trees = new STRtree<PreparedArea>?[Levels.Length];
        var byCode = new Dictionary<(AreaLevel, string), PreparedArea>();
        foreach (var area in areas)
        {
            var tree = trees[(int)area.Level] ??= new STRtree<PreparedArea>();
            tree.Insert(area.Geometry.EnvelopeInternal, area);
            byCode[(area.Level, area.Ref.Code)] = area;
        }

        foreach (var tree in trees)
        {
            // Build now rather than on the first query, which would race between request threads.
            tree?.Build();
        }

        return new JurisdictionSnapshot(trees, byCode);
    }

    /// <summary>The areas of one level, by code: what the maps draw.</summary>
    public IEnumerable<PreparedArea> AreasOf(AreaLevel level) =>
        byCode.Values.Where(a => a.Level == level).OrderBy(a => a.Ref.Code, StringComparer.Ordinal);

    /// <summary>
    /// A point guaranteed inside an area (not its centroid, which a concave area may not contain), for reports
    /// that name a grid instead of giving a position. Null when no such area is loaded.
    /// </summary>
    public GeoPoint? PointInside(AreaLevel level, string code)
    {
        if (!byCode.TryGetValue((level, code), out var area))
        {
            return null;
        }

        var point = area.Geometry.InteriorPoint;
        return new GeoPoint(point.X, point.Y);
    }

    /// <summary>
    /// The given area codes and the code of every area, of any layer, whose interior meets one of theirs: an
    /// organisation serving a street reaches that street's district, communities and grids, and no neighbour that
    /// only shares an edge. Codes no layer holds stay in as they are. Cached per snapshot, which never changes.
    /// </summary>
    public IReadOnlySet<string> Reach(IReadOnlyCollection<string> codes) =>
        reaches.GetOrAdd(string.Join(',', codes.Order(StringComparer.Ordinal)), _ => ComputeReach(codes));

    /// <summary>The geometries of an area code in every layer that holds it (codes are unique in practice; this does not rely on it).</summary>
    public IEnumerable<PreparedArea> AreasWithCode(string code) =>
        Levels.Select(level => byCode.GetValueOrDefault((level, code))).OfType<PreparedArea>();

    private FrozenSet<string> ComputeReach(IReadOnlyCollection<string> codes)
    {
        var reach = new HashSet<string>(codes, StringComparer.Ordinal);
        foreach (var served in codes.SelectMany(AreasWithCode))
        {
            foreach (var tree in trees.OfType<STRtree<PreparedArea>>())
            {
                foreach (var candidate in tree.Query(served.Geometry.EnvelopeInternal))
                {
                    // Interiors meet ("T********"): an edge or corner in common is not overlap.
                    if (!reach.Contains(candidate.Ref.Code) && served.Geometry.Relate(candidate.Geometry, "T********"))
                    {
                        reach.Add(candidate.Ref.Code);
                    }
                }
            }
        }

        return reach.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The area of every layer covering a WGS-84 point; see <see cref="Jurisdiction"/> for the boundary rule.</summary>
    public Jurisdiction Locate(double lon, double lat)
    {
        var point = new Coordinate(lon, lat);
        var onBoundary = false;
        var shared = new List<string>();
        var district = Find(AreaLevel.District, point, ref onBoundary, shared);
        var street = Find(AreaLevel.Street, point, ref onBoundary, shared);
        var community = Find(AreaLevel.Community, point, ref onBoundary, shared);
        var grid = Find(AreaLevel.Grid, point, ref onBoundary, shared);
        var precinct = Find(AreaLevel.Precinct, point, ref onBoundary, shared);
        return district is null && street is null && community is null && grid is null && precinct is null
            ? Jurisdiction.None
            : new Jurisdiction(district, street, community, grid, precinct, onBoundary,
                shared.Count == 0 ? null : [.. shared.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The covering area with the lowest code. Areas of one layer should not overlap, so more than one cover
    /// only on a shared edge or vertex; if a file does overlap, the lowest code still wins, deterministically.
    /// Every other covering area goes into <paramref name="shared"/>: the point lies in it too.
    /// </summary>
    private AreaRef? Find(AreaLevel level, Coordinate point, ref bool onBoundary, List<string> shared)
    {
        if (trees[(int)level] is not { } tree)
        {
            return null;
        }

        var covering = new List<PreparedArea>();
        var bestOnBoundary = false;
        foreach (var candidate in tree.Query(new Envelope(point)))
        {
            var location = candidate.Locator.Locate(point);
            if (location == Location.Exterior)
            {
                continue;
            }

            covering.Add(candidate);
            bestOnBoundary |= location == Location.Boundary;
        }

        var best = covering.MinBy(a => a.Ref.Code, StringComparer.Ordinal);
        shared.AddRange(covering.Where(a => a != best).Select(a => a.Ref.Code));
        onBoundary |= bestOnBoundary;
        return best?.Ref;
    }
}

/// <summary>The live jurisdiction layers of this node. Singleton; reloaded after every import without a restart.</summary>
public sealed class JurisdictionIndex
{
    private volatile JurisdictionSnapshot current = JurisdictionSnapshot.Empty;

    public JurisdictionSnapshot Current => current;

    public Jurisdiction Locate(double lon, double lat) => current.Locate(lon, lat);

    public GeoPoint? PointInside(AreaLevel level, string code) => current.PointInside(level, code);

    public void Replace(JurisdictionSnapshot snapshot) => current = snapshot;
}
