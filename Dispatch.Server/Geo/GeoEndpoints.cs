using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using MassTransit;

namespace Dispatch.Server.Geo;

/// <summary><c>POST /api/geo/areas/import</c> and <c>GET /api/geo/locate</c>.</summary>
public static class GeoEndpoints
{
    /// <summary>A street's communities and grids with fine boundaries fit in a few MB; a whole city's grids in ~20.</summary>
    public const long MaxImportBytes = 20 * 1024 * 1024;

    /// <summary>The datums an area file may come in: Baidu's BD-09 is for points from its apps, not for boundaries.</summary>
    public static readonly IReadOnlyList<CoordinateSystem> ImportCrs = [CoordinateSystem.Wgs84, CoordinateSystem.Gcj02];

    public static async Task<IResult> Import(
        HttpRequest request, AreaImporter importer, IPublishEndpoint bus, TimeProvider clock, string? level, string? codeProp, string? nameProp,
        string? parentProp, string? crs, bool? skipInvalid, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!StrictEnum.TryParse<AreaLevel>(level, out var areaLevel))
        {
            errors["level"] = [StrictEnum.NotOneOf("level", level, AreaStore.LevelTexts)];
        }

        Require(codeProp, "codeProp", "the feature property holding the area code", errors);
        Require(nameProp, "nameProp", "the feature property holding the area name", errors);
        if (!string.IsNullOrWhiteSpace(parentProp) && areaLevel == AreaLevel.Precinct)
        {
            errors["parentProp"] = ["precincts (派出所辖区) are not nested in the other layers: leave parentProp out."];
        }

        var datum = PositionRules.Crs(crs, "crs", ImportCrs, (field, message) => errors[field] = [message]) ?? CoordinateSystem.Wgs84;
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "导入参数有误 / Invalid import options");
        }

        var (document, problem) = await JsonBody.ReadAsync<JsonDocument>(request, MaxImportBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var options = new AreaImportOptions(areaLevel, codeProp!.Trim(), nameProp!.Trim(),
                string.IsNullOrWhiteSpace(parentProp) ? null : parentProp.Trim(), datum);
            AreaReadResult read;
            try
            {
                read = GeoJsonAreaReader.Read(document!.RootElement, options);
            }
            catch (AreaFileException ex)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["body"] = [ex.Message] }, "文件不是要素集合 / The file is not a FeatureCollection");
            }

            var report = await importer.ImportAsync(read, options, skipInvalid ?? false, cancellationToken);
            if (!report.Written)
            {
                var featureErrors = report.Problems.ToDictionary(p => $"features[{p.Index}]", p => new[] { Describe(p) });
                return TypedResults.ValidationProblem(featureErrors,
                    detail: $"{report.Problems.Count} of {report.Features} features are invalid; nothing was imported. Fix them, or import the valid ones with skipInvalid=true.",
                    title: "要素无效，未导入 / Invalid features: nothing was imported",
                    extensions: new Dictionary<string, object?> { ["report"] = report });
            }

            await bus.Publish(new ReferenceDataChanged(ReferenceData.Areas, clock.GetUtcNow()), cancellationToken);
            return TypedResults.Ok(report);
        }
    }

    public static IResult Locate(JurisdictionIndex index, string? lon, string? lat, string? crs)
    {
        var errors = new Dictionary<string, string[]>();
        var point = PositionRules.Point(lon, lat, crs, PositionRules.AnyCrs, (field, message) => errors[field] = [message]);
        return point is null
            ? Problems.Invalid(errors, "查询参数有误 / Invalid query")
            : TypedResults.Ok(index.Locate(point.Lon, point.Lat));
    }

    public static IResult Areas(JurisdictionIndex index, string? level)
    {
        var levels = Enum.GetValues<AreaLevel>();
        if (!string.IsNullOrWhiteSpace(level))
        {
            var names = level.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = names.Where(n => !levels.Any(l => AreaFeatures.LevelName(l) == n)).ToList();
            if (unknown.Count > 0 || names.Length == 0)
            {
                return Problems.Invalid(
                    new Dictionary<string, string[]> { ["level"] = [$"Unknown level '{string.Join(",", unknown)}': use district, street, community, grid or precinct, comma-separated."] },
                    "查询参数有误 / Invalid query");
            }

            levels = [.. levels.Where(l => names.Contains(AreaFeatures.LevelName(l)))];
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            AreaFeatures.Write(json, levels.SelectMany(index.Current.AreasOf));
        }

        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), AreaFeatures.ContentType);
    }

    public static MapSettings Map(Microsoft.Extensions.Options.IOptions<MapOptions> options) =>
        new(options.Value.TileUrl, options.Value.TileCrs, options.Value.Attribution);

    public static string Describe(FeatureProblem problem) =>
        problem.Code is null ? problem.Reason : $"({problem.Code}) {problem.Reason}";

    private static void Require(string? value, string field, string what, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required: {what}."];
        }
    }
}
