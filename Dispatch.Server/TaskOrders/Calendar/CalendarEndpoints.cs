using Dispatch.Contracts;
using System.Globalization;
using System.Text.Json.Nodes;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using MassTransit;

namespace Dispatch.Server.TaskOrders.Calendar;

/// <summary>What an import answers: the year now in force and what the calendar knows after it.</summary>
public sealed record CalendarImported(int Year, bool Replaced, int OffDays, int MakeUpDays, CalendarStatus Status);

/// <summary>One year's listed days, as <c>GET /api/calendar/years/{year}</c> answers them.</summary>
public sealed record CalendarYearDays(int Year, IReadOnlyList<HolidayDay> Days);

/// <summary>The working-day calendar: import a year's notice, read it back, its status, and due times.</summary>
public static class CalendarEndpoints
{
    /// <summary>A year's notice is a few KiB; this leaves room for formatting and long holiday names.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public const string ApiSource = "api";

    public static IResult Status(CalendarProvider provider, TimeProvider clock) =>
        TypedResults.Ok(provider.Current.StatusOn(WorkingCalendar.Today(clock)));

    public static IResult Due(CalendarProvider provider, string? issued, string? workingDays)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset issuedAt = default;
        if (!TryParseIssued(issued, out issuedAt, out var issuedError))
        {
            errors["issued"] = [issuedError];
        }

        var n = 0;
        if (!TryParseWorkingDays(workingDays, out n, out var daysError))
        {
            errors["workingDays"] = [daysError];
        }

        return errors.Count > 0
            ? Problems.Invalid(errors, "查询参数有误 / Invalid query")
            : TypedResults.Ok(provider.Current.DueAt(issuedAt, n));
    }

    public static async Task<IResult> Years(CalendarStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.YearsAsync(cancellationToken));

    public static async Task<IResult> Year(int year, CalendarStore store, CancellationToken cancellationToken)
    {
        var file = (await store.LoadAsync(cancellationToken)).FirstOrDefault(f => f.Year == year);
        return file is null
            ? Problems.NotFound($"The calendar for {year} (import the State Council notice with: dispatch calendar import {year}.json)")
            : TypedResults.Ok(new CalendarYearDays(file.Year, file.Days));
    }

    // Admin-only once the Security stage lands: a wrong file moves every deadline of that year.
    public static async Task<IResult> Import(
        HttpRequest request, CalendarStore store, CalendarProvider provider, IPublishEndpoint bus, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonNode>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var parsed = HolidayFile.Parse(body?.ToJsonString() ?? "null");
        if (parsed.File is not { } file)
        {
            return Problems.Invalid(parsed.Errors, "节假日文件有误 / The holiday file is invalid");
        }

        var replaced = await store.ImportAsync(file, ApiSource, clock.GetUtcNow(), cancellationToken);
        var calendar = await provider.ReloadAsync(store, cancellationToken);
        await bus.Publish(new ReferenceDataChanged(ReferenceData.Calendar, clock.GetUtcNow()), cancellationToken);
        loggers.CreateLogger(typeof(CalendarEndpoints)).LogInformation(
            "Imported the calendar for {CalendarYear} with {CalendarDays} listed days (replaced: {CalendarReplaced})",
            file.Year, file.Days.Count, replaced);
        return TypedResults.Ok(new CalendarImported(
            file.Year, replaced, file.Days.Count(d => d.IsOffDay), file.Days.Count(d => !d.IsOffDay),
            calendar.StatusOn(WorkingCalendar.Today(clock))));
    }

    /// <summary>The time of issue as <see cref="OffsetTime"/> reads it, or the words saying why not.</summary>
    public static bool TryParseIssued(string? text, out DateTimeOffset issued, out string error)
    {
        issued = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "issued is required: the time of issue with its offset, e.g. 2025-09-30T10:00:00+08:00.";
            return false;
        }

        if (!OffsetTime.TryParse(text, out issued))
        {
            error = OffsetTime.Refusal("issued", text);
            return false;
        }

        return true;
    }

    /// <summary>N from 1 to <see cref="WorkingCalendar.MaxWorkingDays"/>; 0 is refused: a deadline of no working day is no deadline.</summary>
    public static bool TryParseWorkingDays(string? text, out int workingDays, out string error)
    {
        error = "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out workingDays)
            || workingDays < 1 || workingDays > WorkingCalendar.MaxWorkingDays)
        {
            error = $"workingDays must be a whole number from 1 to {WorkingCalendar.MaxWorkingDays}" +
                    (string.IsNullOrWhiteSpace(text) ? ", e.g. 5." : $"; '{text}' is not.");
            return false;
        }

        return true;
    }
}
