using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Console.Geo;

/// <summary><c>dispatch geo import</c>, <c>dispatch geo locate</c> and <c>dispatch geo convert</c>.</summary>
public static class GeoCommands
{
    public static Command Build()
    {
        var geo = new Command("geo", "Jurisdiction layers (辖区): import GeoJSON, locate a point, convert coordinates.");
        geo.Subcommands.Add(BuildImport());
        geo.Subcommands.Add(BuildLocate());
        geo.Subcommands.Add(BuildConvert());
        return geo;
    }

    private static Option<CoordinateSystem> CrsOption(string name, string description, bool allowBd09, bool required = false)
    {
        var option = new Option<CoordinateSystem>(name)
        {
            Description = description,
            HelpName = allowBd09 ? "wgs84|gcj02|bd09" : "wgs84|gcj02",
            Required = required,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                return PositionRules.Crs(text, name, allowBd09 ? PositionRules.AnyCrs : GeoEndpoints.ImportCrs, (_, message) => result.AddError(message))
                    ?? default;
            },
        };
        if (!required)
        {
            option.DefaultValueFactory = _ => CoordinateSystem.Wgs84;
        }

        return option;
    }

    private static Argument<double> DegreesArgument(string name)
    {
        var argument = new Argument<double>(name) { Description = $"{name.ToUpperInvariant()} in decimal degrees." };
        argument.Validators.Add(result => PositionRules.Degrees(result.GetValueOrDefault<double>(), name, (_, message) => result.AddError(message)));
        return argument;
    }

    private static Command BuildImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection of Polygon/MultiPolygon features." }.AcceptExistingOnly();
        var level = new Option<AreaLevel>("--level")
        {
            Description = "district, street, community, grid or precinct.",
            HelpName = "district|street|community|grid|precinct",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (StrictEnum.TryParse<AreaLevel>(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError(StrictEnum.NotOneOf("--level", text, AreaStore.LevelTexts));
                return default;
            },
        };
        var codeProp = new Option<string>("--code-prop") { Description = "Feature property holding the area code.", Required = true };
        var nameProp = new Option<string>("--name-prop") { Description = "Feature property holding the area name.", Required = true };
        var parentProp = new Option<string?>("--parent-prop") { Description = "Feature property holding the parent area's code (not for precincts)." };
        var crs = CrsOption("--crs", "Datum of the file: wgs84 (default) or gcj02 (AMap/Tencent exports). Stored as WGS-84.", allowBd09: false);
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid features even when some are invalid." };
        var server = AlertCommands.ServerOption();

        var import = new Command("import", "Import a GeoJSON file into one jurisdiction layer through the server (POST /api/geo/areas/import); same codes are replaced.");
        import.Arguments.Add(file);
        import.Options.Add(level);
        import.Options.Add(codeProp);
        import.Options.Add(nameProp);
        import.Options.Add(parentProp);
        import.Options.Add(crs);
        import.Options.Add(skipInvalid);
        import.Options.Add(server);
        import.SetAction(async (parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            var (output, error) = (config.Output, config.Error);
            if (parse.GetValue(level) == AreaLevel.Precinct && parse.GetValue(parentProp) is not null)
            {
                await error.WriteLineAsync("--parent-prop does not apply to precincts (派出所辖区): they are not nested in the other layers.");
                return ExitCodes.Rejected;
            }

            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cannot read {path.FullName}: {ex.Message}");
                return ExitCodes.Rejected;
            }

            using var http = AlertSender.CreateHttpClient();
            var client = new GeoClient(http, AlertSender.ParseServer(parse.GetValue(server)));
            var answer = await client.ImportAsync(text, parse.GetValue(level), parse.GetValue(codeProp)!, parse.GetValue(nameProp)!,
                parse.GetValue(parentProp), parse.GetValue(crs), parse.GetValue(skipInvalid), cancellationToken);
            await PrintImportAsync(path.Name, answer, output, error);
            return answer.ExitCode;
        });
        return import;
    }

    internal static async Task PrintImportAsync(string file, GeoAnswer<AreaImportReport> answer, TextWriter output, TextWriter error)
    {
        var report = answer.Value ?? answer.Report;
        foreach (var problem in report?.Problems ?? [])
        {
            await error.WriteLineAsync($"  ✗ feature {problem.Index}: {GeoEndpoints.Describe(problem)}");
        }

        if (answer.Value is { } done)
        {
            var skipped = done.Problems.Count > 0 ? $", {done.Problems.Count} invalid skipped 已跳过" : "";
            await output.WriteLineAsync(
                $"✓ {file}: {done.Imported} {AreaStore.LevelText(done.Level)} area(s) imported 已导入 ({done.Replaced} replaced 已替换{skipped}).");
            return;
        }

        if (report is not null)
        {
            await error.WriteLineAsync(
                $"✗ {file}: {report.Problems.Count} of {report.Features} feature(s) invalid; nothing imported 未导入. Fix them, or add --skip-invalid.");
            return;
        }

        await error.WriteLineAsync($"✗ {file}: {answer.Failure}");
        foreach (var (field, messages) in answer.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var message in messages)
            {
                await error.WriteLineAsync($"    {field}: {message}");
            }
        }
    }

    private static Command BuildLocate()
    {
        var lon = DegreesArgument("lon");
        var lat = DegreesArgument("lat");
        var crs = CrsOption("--crs", "Datum of the point: wgs84 (default, GPS), gcj02 (AMap/Tencent) or bd09 (Baidu).", allowBd09: true);
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer instead of a table." };
        var server = AlertCommands.ServerOption();

        var locate = new Command("locate", "Which district, street, community, grid and police precinct hold a point (GET /api/geo/locate).");
        locate.Arguments.Add(lon);
        locate.Arguments.Add(lat);
        locate.Options.Add(crs);
        locate.Options.Add(json);
        locate.Options.Add(server);
        locate.SetAction(async (parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            using var http = AlertSender.CreateHttpClient();
            var client = new GeoClient(http, AlertSender.ParseServer(parse.GetValue(server)));
            var answer = await client.LocateAsync(parse.GetValue(lon), parse.GetValue(lat), parse.GetValue(crs), cancellationToken);
            if (answer.Value is not { } jurisdiction)
            {
                await config.Error.WriteLineAsync($"✗ {answer.Failure}");
                foreach (var (field, messages) in answer.Errors)
                {
                    await config.Error.WriteLineAsync($"    {field}: {string.Join(" ", messages)}");
                }

                return answer.ExitCode;
            }

            await config.Output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(jurisdiction, GeoClient.Json) : Table(jurisdiction));
            return ExitCodes.Ok;
        });
        return locate;
    }

    internal static string Table(Jurisdiction j)
    {
        static string Row(string label, AreaRef? area) => $"{label,-22} {(area is null ? "—" : $"{area.Code}  {area.Name}")}";
        return string.Join(Environment.NewLine,
            Row("district 区", j.District),
            Row("street 街道", j.Street),
            Row("community 社区", j.Community),
            Row("grid 网格", j.Grid),
            Row("precinct 派出所辖区", j.Precinct),
            $"{"on boundary 边界上",-22} {(j.OnBoundary ? "yes 是 (lower code chosen)" : "no 否")}");
    }

    private static Command BuildConvert()
    {
        var from = CrsOption("--from", "Datum of the input: wgs84, gcj02 or bd09.", allowBd09: true, required: true);
        var to = CrsOption("--to", "Datum to convert to: wgs84, gcj02 or bd09.", allowBd09: true, required: true);
        var lon = DegreesArgument("lon");
        var lat = DegreesArgument("lat");

        var convert = new Command("convert", "Convert a point between WGS-84, GCJ-02 and BD-09 (offline; no server).");
        convert.Options.Add(from);
        convert.Options.Add(to);
        convert.Arguments.Add(lon);
        convert.Arguments.Add(lat);
        convert.SetAction(parse =>
        {
            var (x, y) = ChinaCoordinates.Convert(parse.GetValue(lon), parse.GetValue(lat), parse.GetValue(from), parse.GetValue(to));
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x:0.0000000} {y:0.0000000}"));
            return ExitCodes.Ok;
        });
        return convert;
    }
}
