using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dispatch.Console.Alerts;

namespace Dispatch.Console.Reports;

/// <summary><c>dispatch report assessment</c>: the 考核 figures from a server, as a table or a CSV file for Excel.</summary>
public static class ReportCommands
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public static Command Build()
    {
        var report = new Command("report", "Reports from a Dispatch server (sign in as a supervisor or admin).");
        report.Subcommands.Add(BuildAssessment());
        return report;
    }

    private static Command BuildAssessment()
    {
        var from = new Option<string>("--from") { Description = "Start: a date (2025-10-01, Asia/Shanghai) or a time with its offset.", Required = true };
        var to = new Option<string>("--to") { Description = "End: a date (that whole day included) or a time with its offset (excluded).", Required = true };
        var groupBy = new Option<string>("--group-by") { Description = "organisation, street or community.", DefaultValueFactory = _ => "organisation" };
        groupBy.AcceptOnlyFromAmong("organisation", "street", "community");
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the CSV (UTF-8 with BOM, opens in Excel) to this file instead of printing a table." };
        var server = AlertCommands.ServerOption();
        var command = new Command("assessment", "考核: received, completed, on-time rate, overdue, returned, reopened, satisfaction, response times, clock breaches.");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(groupBy);
        command.Options.Add(csv);
        command.Options.Add(server);
        command.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            return AssessmentAsync(AlertSender.ParseServer(parse.GetValue(server)), parse.GetValue(from)!, parse.GetValue(to)!,
                parse.GetValue(groupBy)!, parse.GetValue(csv), config.Output, config.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> AssessmentAsync(
        Uri server, string from, string to, string groupBy, FileInfo? csv, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = AlertSender.CreateHttpClient();
        var path = $"api/assessment?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&groupBy={groupBy}" + (csv is null ? "" : "&format=csv");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(server, path), cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            await error.WriteLineAsync(AlertSender.Unreachable(server).Message);
            return ExitCodes.Unavailable;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                await error.WriteLineAsync($"{AlertSender.ServerText(server)} answered {status}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return status is >= 400 and < 500 ? ExitCodes.Rejected : ExitCodes.Unavailable;
            }

            if (csv is not null)
            {
                await File.WriteAllBytesAsync(csv.FullName, await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
                await output.WriteLineAsync($"wrote {csv.FullName}");
                return ExitCodes.Ok;
            }

            var report = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(cancellationToken), ReadOptions);
            await output.WriteLineAsync($"{"code",-16} {"received",8} {"completed",9} {"on time",8} {"overdue",7} {"returned",8} {"reopened",8} {"satisfied",9} {"P90 s",7}  name");
            foreach (var row in report.GetProperty("rows").EnumerateArray().Append(report.GetProperty("total")))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.GetProperty("code").GetString(),-16} {row.GetProperty("received").GetInt32(),8} {row.GetProperty("completed").GetInt32(),9} {Rate(row, "onTimeRate"),8} {row.GetProperty("overdue").GetInt32(),7} {row.GetProperty("returned").GetInt32(),8} {row.GetProperty("reopened").GetInt32(),8} {Rate(row, "satisfactionRate"),9} {Number(row, "p90ResponseSeconds"),7}  {row.GetProperty("name").GetString()}"));
            }

            return ExitCodes.Ok;
        }
    }

    private static string Rate(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble().ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Number(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble().ToString("0", CultureInfo.InvariantCulture) : "-";
}
