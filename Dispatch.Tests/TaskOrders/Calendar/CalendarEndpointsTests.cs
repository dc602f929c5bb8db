using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.TaskOrders.Calendar;

public sealed class CalendarEndpointsTests
{
    /// <summary>A made-up 2027 notice (the real one is not out yet): 国庆 10/1–10/7 off, 10/9 Sat working.</summary>
    internal const string Year2027 = """
        {"year": 2027, "papers": [],
         "days": [{"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-04", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-05", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-06", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-07", "isOffDay": true},
                  {"name": "国庆节", "date": "2027-10-09", "isOffDay": false}]}
        """;

    private static FakeTimeProvider Clock(string at) => new(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Startup_StoresTheShippedYearsInTheDatabase()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-22T10:00:00+08:00"));
        using var person = await running.AsAsync("operator");

        var years = await person.GetFromJsonAsync<JsonElement>("/api/calendar/years");

        Assert.That(years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()), Is.EqualTo(new[] { 2023, 2024, 2025, 2026 }));
        Assert.That(years.EnumerateArray().Select(y => y.GetProperty("source").GetString()), Is.All.EqualTo("embedded"));
        Assert.That(await running.Database.ScalarAsync<long>("SELECT COUNT(*) FROM calendar_days WHERE year = 2025"), Is.EqualTo(33));
    }

    [Test]
    public async Task Due_WhenIssuedBeforeNationalDay2025_AnswersTheEndOfOctober14()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-22T10:00:00+08:00"));
        using var person = await running.AsAsync("operator");

        var due = await person.GetFromJsonAsync<JsonElement>(
            "/api/calendar/due?issued=2025-09-30T10:00:00%2B08:00&workingDays=5");

        Assert.That(due.GetProperty("due").GetString(), Is.EqualTo("2025-10-14T23:59:59+08:00"));
        Assert.That(due.GetProperty("issued").GetString(), Is.EqualTo("2025-09-30T10:00:00+08:00"));
        Assert.That(due.GetProperty("workingDays").GetInt32(), Is.EqualTo(5));
        Assert.That(due.GetProperty("fallback").GetBoolean(), Is.False);
        Assert.That(due.GetProperty("countedDays").EnumerateArray().Select(d => d.GetString()),
            Is.EqualTo(new[] { "2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14" }));
    }

    [TestCase("issued=2025-09-30T10:00:00%2B08:00&workingDays=0", "workingDays", TestName = "Due_WhenZeroWorkingDays_Answers400")]
    [TestCase("issued=2025-09-30T10:00:00%2B08:00&workingDays=five", "workingDays", TestName = "Due_WhenWorkingDaysNotANumber_Answers400")]
    [TestCase("workingDays=5", "issued", TestName = "Due_WhenIssuedMissing_Answers400")]
    [TestCase("issued=2025-09-30T10:00:00&workingDays=5", "issued", TestName = "Due_WhenIssuedHasNoOffset_Answers400")]
    public async Task Due_WhenInputIsBad_Answers400NamingTheField(string query, string field)
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-22T10:00:00+08:00"));
        using var person = await running.AsAsync("operator");

        var response = await person.GetAsync("/api/calendar/due?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Import_WhenANewYear_IsUsedAtOnceAndReadinessRecovers()
    {
        // March 2027 with no 2027 notice: degraded, yet ready.
        await using var running = await RunningServer.StartAsync(clock: Clock("2027-03-01T09:00:00+08:00"));
        using var admin = await running.AsAsync("admin");
        using var person = await running.AsAsync("operator");
        var before = await person.GetFromJsonAsync<JsonElement>("/api/calendar/due?issued=2027-09-30T10:00:00%2B08:00&workingDays=5");
        Assert.That(before.GetProperty("fallback").GetBoolean(), Is.True);

        var response = await admin.PostAsync("/api/calendar/years", Json(Year2027));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(imported.GetProperty("replaced").GetBoolean(), Is.False);
        Assert.That(imported.GetProperty("offDays").GetInt32(), Is.EqualTo(5));
        // Thu 9/30 issue: 10/1 off, 10/2–3 weekend, 10/4–7 off, 10/8 Fri (1), 10/9 Sat make-up (2), 10/11 (3), 10/12 (4), 10/13 (5).
        var after = await person.GetFromJsonAsync<JsonElement>("/api/calendar/due?issued=2027-09-30T10:00:00%2B08:00&workingDays=5");
        Assert.That(after.GetProperty("due").GetString(), Is.EqualTo("2027-10-13T23:59:59+08:00"));
        Assert.That(after.GetProperty("fallback").GetBoolean(), Is.False);
        var ready = await running.Http.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.That(Check(ready, "calendar").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Import_WhenTheYearIsImportedAgain_ReplacesIt()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-12-05T09:00:00+08:00"));
        using var admin = await running.AsAsync("admin");
        using var person = await running.AsAsync("operator");
        await admin.PostAsync("/api/calendar/years", Json(Year2027));

        var response = await admin.PostAsync("/api/calendar/years",
            Json("""{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"""));

        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(imported.GetProperty("replaced").GetBoolean(), Is.True);
        var year = await person.GetFromJsonAsync<JsonElement>("/api/calendar/years/2027");
        Assert.That(year.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()), Is.EqualTo(new[] { "2027-01-01" }));
        // 10/1/2027 is no longer a holiday: Thu 9/30 issue, Fri 10/1 (1).
        var due = await person.GetFromJsonAsync<JsonElement>("/api/calendar/due?issued=2027-09-30T10:00:00%2B08:00&workingDays=1");
        Assert.That(due.GetProperty("due").GetString(), Is.EqualTo("2027-10-01T23:59:59+08:00"));
    }

    [Test]
    public async Task Import_WhenTheFileIsInvalid_Answers400WithEveryProblemAndChangesNothing()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-22T10:00:00+08:00"));
        using var admin = await running.AsAsync("admin");
        using var person = await running.AsAsync("operator");

        var response = await admin.PostAsync("/api/calendar/years", Json("""
            {"year": 2027, "days": [{"name": "国庆节", "date": "2026-10-01", "isOffDay": true},
                                    {"name": "国庆节", "date": "2027-10-1", "isOffDay": true},
                                    {"name": "", "date": "2027-10-02", "isOffDay": true}]}
            """));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("holiday file is invalid"));
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);
        Assert.That(fields, Is.EquivalentTo(new[] { "days[0].date", "days[1].date", "days[2].name" }));
        Assert.That((await person.GetAsync("/api/calendar/years/2027")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Import_WhenNotJson_Answers415()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-22T10:00:00+08:00"));
        using var admin = await running.AsAsync("admin");

        var response = await admin.PostAsync("/api/calendar/years", new StringContent("year=2027"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Status_InDecemberWithoutNextYear_ListsItAsFallback()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-12-01T00:00:00+08:00"));
        using var person = await running.AsAsync("operator");

        var status = await person.GetFromJsonAsync<JsonElement>("/api/calendar/status");

        Assert.That(status.GetProperty("knownYears").EnumerateArray().Select(y => y.GetInt32()), Is.EqualTo(new[] { 2023, 2024, 2025, 2026 }));
        Assert.That(status.GetProperty("fallbackYears").EnumerateArray().Select(y => y.GetInt32()), Is.EqualTo(new[] { 2027 }));
        Assert.That(status.GetProperty("message").GetString(), Does.Contain("2027 not imported: counting Monday–Friday"));
    }

    [Test]
    public async Task Status_InNovemberWithThisYearKnown_HasNoFallback()
    {
        // 2026-11-30T16:00Z is still 30 November in Shanghai.
        await using var running = await RunningServer.StartAsync(clock: Clock("2026-11-30T15:59:59Z"));
        using var person = await running.AsAsync("operator");

        var status = await person.GetFromJsonAsync<JsonElement>("/api/calendar/status");

        Assert.That(status.GetProperty("fallbackYears").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Readyz_WhenThisYearHasNoNotice_Answers200WithTheCalendarDegraded()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock("2027-03-01T09:00:00+08:00"));

        var response = await running.Http.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var calendar = Check(await response.Content.ReadFromJsonAsync<JsonElement>(), "calendar");
        Assert.That(calendar.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(calendar.GetProperty("detail").GetString(), Does.Contain("2027 not imported: counting Monday–Friday"));
    }

    private static JsonElement Check(JsonElement readiness, string name) =>
        readiness.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
