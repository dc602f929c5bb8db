using System.CommandLine;
using System.Globalization;
using Dispatch.Console.Alerts;
using Dispatch.Console.Calendar;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Console.Sla;

/// <summary><c>dispatch sla due</c>: a deadline in working days, offline on the shipped calendar or asked of a server.</summary>
public static class SlaCommands
{
    public static Command Build()
    {
        var sla = new Command("sla", "Deadlines (时限).");
        sla.Subcommands.Add(BuildDue());
        return sla;
    }

    private static Command BuildDue()
    {
        var issued = new Option<string>("--issued")
        {
            Description = "Time of issue with its offset, e.g. 2025-09-30T10:00:00+08:00.",
            Required = true,
        };
        issued.Validators.Add(result =>
        {
            if (!CalendarEndpoints.TryParseIssued(result.GetValueOrDefault<string>(), out _, out var message))
            {
                result.AddError("--" + message);
            }
        });
        var workingDays = new Option<int>("--working-days", "-n")
        {
            Description = $"N working days (1–{WorkingCalendar.MaxWorkingDays}); task orders have 5.",
            Required = true,
        };
        workingDays.Validators.Add(result =>
        {
            var n = result.GetValueOrDefault<int>();
            if (!CalendarEndpoints.TryParseWorkingDays(n.ToString(CultureInfo.InvariantCulture), out _, out var message))
            {
                result.AddError("--working-days: " + message);
            }
        });
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the working days counted and why." };
        var server = CalendarCommands.OptionalServerOption();

        var due = new Command("due",
            "Print the deadline: the end (23:59:59 +08:00) of the N-th working day after the day of issue (民法典 art. 201/203).");
        due.Options.Add(issued);
        due.Options.Add(workingDays);
        due.Options.Add(verbose);
        due.Options.Add(server);
        due.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            // The validator has already refused anything that does not parse.
            var at = CalendarEndpoints.TryParseIssued(parse.GetValue(issued), out var parsed, out var message)
                ? parsed
                : throw new InvalidOperationException(message);
            var serverUri = parse.GetValue(server) is { } text ? AlertSender.ParseServer(text) : null;
            return DueAsync(at, parse.GetValue(workingDays), parse.GetValue(verbose), serverUri, config.Output, config.Error, cancellationToken);
        });
        return due;
    }

    internal static async Task<int> DueAsync(
        DateTimeOffset issued, int workingDays, bool verbose, Uri? server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DueTime due;
        if (server is null)
        {
            due = new WorkingCalendar(HolidayFile.Embedded()).DueAt(issued, workingDays);
        }
        else
        {
            using var http = AlertSender.CreateHttpClient();
            var query = $"api/calendar/due?issued={Uri.EscapeDataString(issued.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))}" +
                        $"&workingDays={workingDays.ToString(CultureInfo.InvariantCulture)}";
            var answer = await new CalendarClient(http, server).GetAsync<DueTime>(query, cancellationToken);
            if (answer.Value is not { } fromServer)
            {
                return await CalendarCommands.FailAsync(answer, error);
            }

            due = fromServer;
        }

        await output.WriteLineAsync(Instant(due.Due));
        if (due.Fallback)
        {
            // Always shown: a deadline counted without the year's notice may be wrong by the holidays it lacks.
            await output.WriteLineAsync(
                $"! {string.Join(", ", due.FallbackYears)} 年节假日未导入，按周一至周五计算 / not imported: counted Monday–Friday.");
        }

        if (verbose)
        {
            var issueDay = DateOnly.FromDateTime(due.Issued.ToOffset(WorkingCalendar.ShanghaiOffset).DateTime);
            await output.WriteLineAsync(
                $"issued 签发 {Instant(due.Issued)} ({WorkingCalendar.Weekday(issueDay)}); the day of issue is not counted 当日不计入.");
            var counted = due.CountedDays.Select((d, i) => $"{i + 1}. {HolidayFile.Text(d)} {WorkingCalendar.Weekday(d)}");
            await output.WriteLineAsync($"{due.WorkingDays} working days 工作日: {string.Join(", ", counted)}");
            await output.WriteLineAsync($"due 截止 at the end of {HolidayFile.Text(due.CountedDays[^1])} (24:00, shown as 23:59:59 +08:00).");
        }

        return ExitCodes.Ok;
    }

    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(WorkingCalendar.ShanghaiOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
