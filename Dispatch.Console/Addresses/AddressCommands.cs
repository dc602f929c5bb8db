using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Console.Geo;
using Dispatch.Server.Addresses;
using Dispatch.Server.Demo;
using Dispatch.Server.Geo;
using Spectre.Console;

namespace Dispatch.Console.Addresses;

/// <summary><c>dispatch address import</c>, <c>match</c> and <c>evaluate</c>: the standard address register (标准地址库).</summary>
public static class AddressCommands
{
    public static Command Build()
    {
        var address = new Command("address", "The standard address register (标准地址库): import it, match an address text, evaluate the matcher.");
        address.Subcommands.Add(BuildImport());
        address.Subcommands.Add(BuildMatch());
        address.Subcommands.Add(BuildEvaluate());
        return address;
    }

    private static Command BuildImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header (id,district,street,community,road,number,compound,building,unit,lon,lat[,crs]) or a GeoJSON FeatureCollection of Points." }.AcceptExistingOnly();
        var crs = new Option<string>("--crs") { Description = "Datum of the points: wgs84 (default) or gcj02 (AMap/Tencent); a crs column overrides it per row.", DefaultValueFactory = _ => "wgs84" };
        crs.AcceptOnlyFromAmong("wgs84", "gcj02");
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid rows even when some are invalid (they are listed)." };
        var server = AlertCommands.ServerOption();
        var import = new Command("import", "Import a register file through the server (POST /api/geo/addresses/import); the same ids are replaced. All or nothing unless --skip-invalid.")
        {
            file, crs, skipInvalid, server,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cannot read {path.FullName}: {ex.Message}");
                return ExitCodes.Rejected;
            }

            var geoJson = path.Extension.Equals(".geojson", StringComparison.OrdinalIgnoreCase) || path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
            using var http = AlertSender.CreateHttpClient();

            // The server checks and stores every row in one transaction: 50,000 rows take longer than a request usually may.
            http.Timeout = TimeSpan.FromMinutes(10);
            var client = new AddressClient(http, AlertSender.ParseServer(parse.GetValue(server)));
            AddressAnswer<AddressImportReport>? answer = null;
            await Terminal.For(output).Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var upload = context.AddTask($"{path.Name}: sending 上传", maxValue: bytes.Length);
                    var store = context.AddTask("checking and storing 校验入库", maxValue: 1, autoStart: false);
                    store.IsIndeterminate = true;
                    answer = await client.ImportAsync(bytes, geoJson, parse.GetValue(crs)!, parse.GetValue(skipInvalid), sent =>
                    {
                        upload.Value = sent;
                        if (sent >= bytes.Length)
                        {
                            store.StartTask();
                        }
                    }, cancellationToken);
                    upload.Value = bytes.Length;
                    store.IsIndeterminate = false;
                    store.Value = 1;
                });
            await PrintImportAsync(path.Name, answer!, output, error);
            return answer!.ExitCode;
        });
        return import;
    }

    internal static async Task PrintImportAsync(string file, AddressAnswer<AddressImportReport> answer, TextWriter output, TextWriter error)
    {
        var report = answer.Value ?? answer.Report;
        foreach (var problem in report?.Problems ?? [])
        {
            await error.WriteLineAsync($"  ✗ line {problem.Line}: {AddressEndpoints.Describe(problem)}");
        }

        if (answer.Value is { } done)
        {
            var skipped = done.Problems.Count > 0 ? $", {done.Problems.Count} invalid skipped 已跳过" : "";
            await output.WriteLineAsync($"✓ {file}: {done.Imported} address(es) imported 已导入 ({done.Replaced} replaced 已替换{skipped}).");
            return;
        }

        if (report is not null)
        {
            await error.WriteLineAsync($"✗ {file}: {report.Problems.Count} of {report.Rows} row(s) invalid; nothing imported 未导入. Fix them, or add --skip-invalid.");
            return;
        }

        await error.WriteLineAsync($"✗ {file}: {answer.Failure}");
        foreach (var (field, messages) in answer.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"    {field}: {string.Join(" ", messages)}");
        }
    }

    private static Command BuildMatch()
    {
        var text = new Argument<string>("text") { Description = "The address as reported, e.g. 兴隆花园十二幢三单元801室." };
        var demo = new Option<bool>("--demo") { Description = "Match against the embedded demo register of 云峰街道, offline (no server)." };
        var json = new Option<bool>("--json") { Description = "Print the JSON answer instead of a table." };
        var server = AlertCommands.ServerOption();
        var match = new Command("match", "The register entry an address text means (GET /api/geo/addresses/match): best entry, point, grid, score and alternatives.")
        {
            text, demo, json, server,
        };
        match.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var input = parse.GetValue(text)!;
            if (string.IsNullOrWhiteSpace(input) || input.Length > AddressEndpoints.MaxTextLength)
            {
                await error.WriteLineAsync($"text must be an address of 1 to {AddressEndpoints.MaxTextLength} characters.");
                return ExitCodes.Rejected;
            }

            AddressMatchResult result;
            if (parse.GetValue(demo))
            {
                result = AddressIndex.Build(DemoAddresses.All()).Match(input);
            }
            else
            {
                using var http = AlertSender.CreateHttpClient();
                var answer = await new AddressClient(http, AlertSender.ParseServer(parse.GetValue(server))).MatchAsync(input, cancellationToken);
                if (answer.Value is null)
                {
                    await error.WriteLineAsync($"✗ {answer.Failure}");
                    return answer.ExitCode;
                }

                result = answer.Value;
            }

            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(result, GeoClient.Json) : Table(result));
            return result.Best is null ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return match;
    }

    internal static string Table(AddressMatchResult result)
    {
        var lines = new List<string> { $"{"normalised 规范化",-20} {result.Normalised}" };
        if (result.Best is { } best)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"best 最佳",-20} {best.AddressId}  {best.Address}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"score 匹配度",-20} {best.Score:0.000}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"point 坐标",-20} {best.Location.Lon:0.0000000} {best.Location.Lat:0.0000000} (WGS-84)"));
            lines.Add($"{"grid 网格",-20} {best.GridCode}  {best.Community}");
        }
        else
        {
            lines.Add($"{"best 最佳",-20} — no match 未匹配");
        }

        lines.Add($"{"matched on 依据",-20} {string.Join("; ", result.MatchedOn)}");
        lines.AddRange(result.Alternatives.Select((a, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "alternatives 候选" : ""),-20} {a.Score:0.000}  {a.AddressId}  {a.Address}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static Command BuildEvaluate()
    {
        var file = new Argument<FileInfo>("file") { Description = "TSV: text<TAB>expected_address_id[<TAB>expected_community[<TAB>kind of variant]]; # comments." }.AcceptExistingOnly();
        var register = new Option<FileInfo?>("--register") { Description = "The register CSV to match against (default: the embedded demo register of 云峰街道)." };
        var threshold = new Option<double>("--threshold") { Description = "The score at which a match places an incident by itself (as the server's Addresses:Threshold).", DefaultValueFactory = _ => new AddressOptions().Threshold };
        var evaluate = new Command("evaluate", "Score the matcher on a held-out file, offline: right building %, right community %, wrong-but-sure %, per kind of variant.")
        {
            file, register, threshold,
        };
        evaluate.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var (cases, problems) = AddressEvaluation.Parse(await File.ReadAllLinesAsync(parse.GetValue(file)!.FullName, cancellationToken));
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"  ✗ {problem}");
            }

            IReadOnlyList<AddressEntry> entries;
            if (parse.GetValue(register) is { } path)
            {
                // Grids do not matter to the score: every point is accepted as it is.
                var read = AddressFileReader.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken), CoordinateSystem.Wgs84, (_, _) => ("-", null));
                foreach (var p in read.Problems)
                {
                    await error.WriteLineAsync($"  ✗ register line {p.Line}: {AddressEndpoints.Describe(p)}");
                }

                entries = read.Entries;
            }
            else
            {
                entries = DemoAddresses.All();
            }

            var (figures, unknown) = AddressEvaluation.Score(cases, AddressIndex.Build(entries), parse.GetValue(threshold));
            foreach (var u in unknown)
            {
                await error.WriteLineAsync($"  ✗ {u}");
            }

            await output.WriteLineAsync($"{"kind",-24} {"cases",6} {"building",11} {"community",11} {"wrong-sure",11}");
            foreach (var f in figures)
            {
                await output.WriteLineAsync(AddressEvaluation.Format(f));
            }

            return cases.Count == 0 ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return evaluate;
    }
}
