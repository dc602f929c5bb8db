using Dispatch.Tests.Support;
using Dispatch.Tests.TaskOrders.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Console;

public sealed class CalendarCommandsTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("dispatch-calendar-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task SlaDue_OnTheShippedCalendar_PrintsTheDeadlineFirst()
    {
        var (exitCode, output, error) = await Session.RunCliAsync("sla", "due", "--issued", "2025-09-30T10:00:00+08:00", "--working-days", "5");

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output.Split('\n')[0], Is.EqualTo("2025-10-14T23:59:59+08:00"));
    }

    [Test]
    public async Task SlaDue_WhenVerbose_ListsTheDaysCounted()
    {
        var (_, output, _) = await Session.RunCliAsync("sla", "due", "--issued", "2025-09-30T10:00:00+08:00", "--working-days", "5", "--verbose");

        Assert.That(output, Does.Contain("2025-10-11 周六 Sat"));
        Assert.That(output, Does.Contain("not counted"));
    }

    [Test]
    public async Task SlaDue_WhenTheYearIsNotShipped_SaysItCountedMondayToFriday()
    {
        var (exitCode, output, _) = await Session.RunCliAsync("sla", "due", "--issued", "2027-09-30T10:00:00+08:00", "--working-days", "5");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output.Split('\n')[0], Is.EqualTo("2027-10-07T23:59:59+08:00"));
        Assert.That(output, Does.Contain("2027").And.Contain("Monday–Friday"));
    }

    [TestCase("2025-09-30T10:00:00+08:00", "0", "from 1 to 366", TestName = "SlaDue_WhenZeroWorkingDays_ExitsOne")]
    [TestCase("2025-09-30 10:00", "5", "with an offset, e.g.", TestName = "SlaDue_WhenIssuedHasNoOffset_ExitsOne")]
    public async Task SlaDue_WhenInputIsBad_ExitsOneSayingWhy(string issued, string workingDays, string why)
    {
        var (exitCode, _, error) = await Session.RunCliAsync("sla", "due", "--issued", issued, "--working-days", workingDays);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain(why));
    }

    [Test]
    public async Task CalendarShow_OnTheShippedCalendar_GroupsByHolidayWithWeekdays()
    {
        var (exitCode, output, _) = await Session.RunCliAsync("calendar", "show", "2025");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("国庆节、中秋节 National Day & Mid-Autumn Festival"));
        Assert.That(output, Does.Contain("休 off    2025-10-01 周三 Wed – 2025-10-08 周三 Wed  (8 days 天)"));
        Assert.That(output, Does.Contain("班 work   2025-10-11 周六 Sat  调休上班 make-up working day"));
    }

    [Test]
    public async Task CalendarShow_WhenTheYearIsNotShipped_PointsAtTheServer()
    {
        var (exitCode, _, error) = await Session.RunCliAsync("calendar", "show", "2031");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--server"));
    }

    [Test]
    public async Task CalendarImport_ThenShowAndDue_UseTheServersNewYear()
    {
        await using var running = await RunningServer.StartAsync(clock: Clock());
        var server = running.Address.ToString();
        var file = Path.Combine(directory, "2027.json");
        await File.WriteAllTextAsync(file, CalendarEndpointsTests.Year2027);

        var (importExit, importOutput, importError) = await Session.RunCliAsync("calendar", "import", file, "--server", server);
        var (_, again, _) = await Session.RunCliAsync("calendar", "import", file, "--server", server);
        var (showExit, showOutput, _) = await Session.RunCliAsync("calendar", "show", "2027", "--server", server);
        var (dueExit, dueOutput, _) = await Session.RunCliAsync("sla", "due", "--issued", "2027-09-30T10:00:00+08:00", "--working-days", "5", "--server", server);

        Assert.That(importExit, Is.Zero, importError);
        Assert.That(importOutput, Does.Contain("2027 imported").And.Contain("5 days off"));
        Assert.That(again, Does.Contain("2027 replaced"));
        Assert.That(showExit, Is.Zero);
        Assert.That(showOutput, Does.Contain("班 work   2027-10-09 周六 Sat"));
        Assert.That(dueExit, Is.Zero);
        // As worked out in CalendarEndpointsTests: 10/8 (1), 10/9 Sat (2), 10/11 (3), 10/12 (4), 10/13 (5).
        Assert.That(dueOutput.Split('\n')[0], Is.EqualTo("2027-10-13T23:59:59+08:00"));
        Assert.That(dueOutput, Does.Not.Contain("Monday–Friday"));
    }

    [Test]
    public async Task CalendarImport_WhenTheFileIsInvalid_ExitsOneNamingEachProblem()
    {
        var file = Path.Combine(directory, "bad.json");
        await File.WriteAllTextAsync(file, """{"year": 2027, "days": [{"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]}""");

        var (exitCode, _, error) = await Session.RunCliAsync("calendar", "import", file, "--server", "http://127.0.0.1:9");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("days[0].date").And.Contain("is not in 2027"));
    }

    [Test]
    public async Task CalendarImport_WhenTheServerIsDown_ExitsTwo()
    {
        var file = Path.Combine(directory, "2027.json");
        await File.WriteAllTextAsync(file, CalendarEndpointsTests.Year2027);

        var (exitCode, _, error) = await Session.RunCliAsync("calendar", "import", file, "--server", "http://127.0.0.1:9");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("cannot reach"));
    }
}
