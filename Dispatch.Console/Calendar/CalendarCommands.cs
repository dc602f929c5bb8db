using System.CommandLine;
using System.Globalization;
using Dispatch.Console.Alerts;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Console.Calendar;

/// <summary><c>dispatch calendar import</c> and <c>dispatch calendar show</c>.</summary>
public static class CalendarCommands
{
    public static Command Build()
    {
        var calendar = new Command("calendar", "The working-day calendar (节假日与调休) from the State Council notices.");
        calendar.Subcommands.Add(BuildImport());
        calendar.Subcommands.Add(BuildShow());
        return calendar;
    }

    /// <summary>
    /// <c>--server</c> without a default: the calendar verbs work offline on the calendar shipped with the CLI,
    /// and ask a server (which knows imported years) only when told to.
    /// </summary>
    internal static Option<string?> OptionalServerOption()
    {
        var option = new Option<string?>("--server", "-s")
        {
            Description = "Ask this Dispatch server, which knows the years imported into it (default: the calendar shipped with the CLI, offline).",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (!AlertSender.TryParseServer(text, out _))
            {
                result.AddError($"--server '{text}' is not an http:// or https:// URL, e.g. {AlertSender.DefaultServer}.");
            }
        });
        return option;
    }

    private static Command BuildImport()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A year's notice in the holiday-cn format {year, papers, days[{name, date, isOffDay}]}.",
        }.AcceptExistingOnly();
        var server = AlertCommands.ServerOption();
        var import = new Command("import", "Import (or replace) a year's holidays and make-up working days on the server.");
        import.Arguments.Add(file);
        import.Options.Add(server);
        import.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            return ImportAsync(parse.GetValue(file)!, AlertSender.ParseServer(parse.GetValue(server)), config.Output, config.Error, cancellationToken);
        });
        return import;
    }

    private static Command BuildShow()
    {
        var year = new Argument<int>("YEAR") { Description = "The year, e.g. 2026." };
        var server = OptionalServerOption();
        var show = new Command("show", "Print a year's days off and make-up working days, grouped by holiday.");
        show.Arguments.Add(year);
        show.Options.Add(server);
        show.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            var serverUri = parse.GetValue(server) is { } text ? AlertSender.ParseServer(text) : null;
            return ShowAsync(parse.GetValue(year), serverUri, config.Output, config.Error, cancellationToken);
        });
        return show;
    }

    internal static async Task<int> ImportAsync(FileInfo file, Uri server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cannot read {file.FullName}: {ex.Message}");
            return ExitCodes.Rejected;
        }

        // Checked here too so a bad file is explained without a server; the server checks again.
        var parsed = HolidayFile.Parse(json);
        if (parsed.File is null)
        {
            await error.WriteLineAsync($"✗ {file.Name} is not a valid holiday file 节假日文件有误:");
            foreach (var (field, messages) in parsed.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var message in messages)
                {
                    await error.WriteLineAsync($"    {field}: {message}");
                }
            }

            return ExitCodes.Rejected;
        }

        using var http = AlertSender.CreateHttpClient();
        var answer = await new CalendarClient(http, server).PostJsonAsync<CalendarImported>("api/calendar/years", json, cancellationToken);
        if (answer.Value is not { } imported)
        {
            return await FailAsync(answer, error);
        }

        var verb = imported.Replaced ? "replaced 已替换" : "imported 已导入";
        await output.WriteLineAsync($"✓ {imported.Year} {verb}: {imported.OffDays} days off 休, {imported.MakeUpDays} make-up working days 调休上班.");
        await output.WriteLineAsync(imported.Status.Message);
        return ExitCodes.Ok;
    }

    internal static async Task<int> ShowAsync(int year, Uri? server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<HolidayDay> days;
        string from;
        if (server is null)
        {
            var file = HolidayFile.Embedded().FirstOrDefault(f => f.Year == year);
            if (file is null)
            {
                var shipped = string.Join(", ", HolidayFile.Embedded().Select(f => f.Year));
                await error.WriteLineAsync($"{year} is not in the calendar shipped with this CLI ({shipped}); ask a server that has it imported: --server URL.");
                return ExitCodes.Rejected;
            }

            (days, from) = (file.Days, "shipped calendar 内置日历");
        }
        else
        {
            using var http = AlertSender.CreateHttpClient();
            var answer = await new CalendarClient(http, server).GetAsync<CalendarYearDays>(
                $"api/calendar/years/{year.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            if (answer.Value is not { } fromServer)
            {
                return await FailAsync(answer, error);
            }

            (days, from) = (fromServer.Days, AlertSender.ServerText(server));
        }

        foreach (var line in Describe(year, days, from))
        {
            await output.WriteLineAsync(line);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Grouped by holiday in date order; runs of consecutive days off on one line.</summary>
    internal static IEnumerable<string> Describe(int year, IReadOnlyList<HolidayDay> days, string from)
    {
        yield return $"{year} 节假日与调休 / Holidays and make-up working days ({from})";
        foreach (var holiday in days.OrderBy(d => d.Date).GroupBy(d => d.Name))
        {
            var list = holiday.ToList();
            yield return "";
            yield return $"{holiday.Key} {EnglishName(holiday.Key)}".TrimEnd();
            var off = list.Where(d => d.IsOffDay).Select(d => d.Date).ToList();
            var lines = Runs(off)
                .Select(r => (r.First, Text: r.First == r.Last
                    ? $"  休 off    {Day(r.First)}  (1 day 天)"
                    : $"  休 off    {Day(r.First)} – {Day(r.Last)}  ({r.Last.DayNumber - r.First.DayNumber + 1} days 天)"))
                .Concat(list.Where(d => !d.IsOffDay).Select(d => (First: d.Date, Text: $"  班 work   {Day(d.Date)}  调休上班 make-up working day")))
                .OrderBy(l => l.First);
            foreach (var (_, text) in lines)
            {
                yield return text;
            }
        }
    }

    private static string Day(DateOnly date) => $"{HolidayFile.Text(date)} {WorkingCalendar.Weekday(date)}";

    private static IEnumerable<(DateOnly First, DateOnly Last)> Runs(List<DateOnly> dates)
    {
        for (var i = 0; i < dates.Count;)
        {
            var j = i;
            while (j + 1 < dates.Count && dates[j + 1] == dates[j].AddDays(1))
            {
                j++;
            }

            yield return (dates[i], dates[j]);
            i = j + 1;
        }
    }

    private static string EnglishName(string name) => string.Join(" & ", name.Split('、').Select(part => part switch
    {
        "元旦" => "New Year's Day",
        "春节" => "Spring Festival",
        "清明节" => "Qingming Festival",
        "劳动节" => "Labour Day",
        "端午节" => "Dragon Boat Festival",
        "中秋节" => "Mid-Autumn Festival",
        "国庆节" => "National Day",
        _ => "",
    }).Where(p => p.Length > 0));

    internal static async Task<int> FailAsync<T>(CalendarAnswer<T> answer, TextWriter error)
    {
        await error.WriteLineAsync($"✗ {answer.Failure}");
        foreach (var detail in answer.Details)
        {
            await error.WriteLineAsync("    " + detail);
        }

        return answer.ExitCode;
    }
}
