using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Server.Demo;

/// <summary>The invented layers of 云峰街道 (<c>infra/geo/*.geojson</c>), embedded in the server for the first start.</summary>
public static class DemoGeography
{
    /// <summary>Each layer's file and how to read it; parents before children, precincts (no parent) last.</summary>
    public static readonly IReadOnlyList<(string File, AreaImportOptions Options)> Layers =
    [
        ("district.geojson", Options(AreaLevel.District, null)),
        ("street.geojson", Options(AreaLevel.Street, "parent")),
        ("communities.geojson", Options(AreaLevel.Community, "parent")),
        ("grids.geojson", Options(AreaLevel.Grid, "parent")),
        ("precincts.geojson", Options(AreaLevel.Precinct, null)),
    ];

    public static string ResourceName(string file) => "Dispatch.Server.Demo.Geo." + file;

    /// <summary>One embedded layer, read and validated like an uploaded file.</summary>
    public static AreaReadResult Read(string file, AreaImportOptions options) =>
        GeoJsonAreaReader.Read(DemoFiles.ReadText(ResourceName(file)), options);

    /// <summary>Every area of every layer, for a jurisdiction snapshot without a database (tests, the CLI).</summary>
    public static IEnumerable<AreaCandidate> All() =>
        Layers.SelectMany(layer => Read(layer.File, layer.Options).Areas.Select(a => a.Area));

    private static AreaImportOptions Options(AreaLevel level, string? parent) => new(level, "code", "name", parent, CoordinateSystem.Wgs84);
}
