using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Clock;

/// <summary>
/// The response clock on a whole server with a fake clock: alerts in, the clock moved by hand, what an operator
/// and a supervisor would see out (the incident's clocks, its timeline, the screen's alarm).
/// </summary>
[NonParallelizable]
public sealed class ClockSweeperTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // The sweepers run on the fake clock: each Advance ticks their timers, so a pass sees every moment the test
    // moves to, however slow the machine. The short interval keeps the ticks of a long Advance fine-grained.
    private static readonly Dictionary<string, string> FastSweep = new() { ["Clock:SweepIntervalMs"] = "50" };

    private static FakeTimeProvider NewClock() => new(DateTimeOffset.UtcNow);

    [Test]
    public async Task Respond_WhenNobodyAcknowledges_WarnsThenBreachesAndAlarmsTheScreen()
    {
        var clock = NewClock();
        await using var running = await RunningServer.StartAsync(clock: clock, settings: FastSweep);
        using var admin = await running.AsAsync("admin");
        await using var screen = await running.ConnectHubAsync("supervisor");
        await screen.InvokeAsync("WatchIncidents");
        var id = await SendAlertAsync(running, clock, "fight");
        await ClockAsync(admin, id, ClockKind.Respond, "Running");

        var warned = screen.WaitForCallAsync("ClockChanged", c => c.GetProperty("incidentId").GetGuid() == id && c.GetProperty("state").GetString() == "Warned", Wait);
        clock.Advance(TimeSpan.FromSeconds(49));
        await ClockAsync(admin, id, ClockKind.Respond, "Warned");
        await warned;

        var alarm = screen.WaitForCallAsync("ClockAlarm", a => a.GetProperty("incident").GetProperty("id").GetGuid() == id, Wait);
        clock.Advance(TimeSpan.FromSeconds(12));
        var respond = await ClockAsync(admin, id, ClockKind.Respond, "Breached");
        var pushed = await alarm;

        Assert.That(respond.GetProperty("late").GetBoolean(), Is.False);
        Assert.That(pushed.GetProperty("clock").GetProperty("kind").GetString(), Is.EqualTo("Respond"));
        Assert.That((await ClockAsync(admin, id, ClockKind.Arrive, "Running")).GetProperty("state").GetString(), Is.EqualTo("Running"), "arrive is not due yet");
        var actions = await Eventually.GetAsync(async () =>
        {
            var timeline = await TimelineAsync(admin, id);
            return timeline.Contains("clock.escalated") ? timeline : null;
        }, Wait, "the escalation in the timeline");
        Assert.That(actions, Is.SupersetOf(new[] { "clock.started", "clock.warned", "clock.breached", "clock.escalated" }));
    }

    [Test]
    public async Task Respond_WhenDeclinedThenAnotherUnitAcknowledges_IsMetByTheSecondAndClosingCancelsTheRest()
    {
        var clock = NewClock();
        await using var running = await RunningServer.StartAsync(clock: clock, settings: FastSweep);
        using var admin = await running.AsAsync("admin");
        var id = await SendAlertAsync(running, clock, "illegal-parking");
        await ClockAsync(admin, id, ClockKind.Respond, "Running");
        var bus = running.App.Services.GetRequiredService<IBus>();

        clock.Advance(TimeSpan.FromSeconds(20));
        await bus.Publish(new AssignmentChanged(Guid.NewGuid(), id, "YF-PC01", AssignmentRole.Primary, AssignmentState.Declined, clock.GetUtcNow(), "responder"));
        clock.Advance(TimeSpan.FromSeconds(20));
        await bus.Publish(new AssignmentChanged(Guid.NewGuid(), id, "YF-PC02", AssignmentRole.Primary, AssignmentState.Acknowledged, clock.GetUtcNow(), "responder2"));

        var respond = await ClockAsync(admin, id, ClockKind.Respond, "Met");
        Assert.That(respond.GetProperty("takenSeconds").GetDouble(), Is.EqualTo(40).Within(0.01), "from T0 to the second unit's acknowledgement");

        await bus.Publish(new IncidentClosed(id, false, "已劝离", null, clock.GetUtcNow(), "operator"));
        await ClockAsync(admin, id, ClockKind.Arrive, "Cancelled");
        Assert.That((await ClockAsync(admin, id, ClockKind.Respond, "Met")).GetProperty("state").GetString(), Is.EqualTo("Met"), "a met clock stays met");
        Assert.That(await TimelineAsync(admin, id), Does.Contain("clock.met").And.Contain("clock.cancelled"));
    }

    [Test]
    public async Task Restart_WhenClocksFellDueWhileDown_FiresThemAtOnceMarkedLate()
    {
        var clock = NewClock();
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        Guid id;
        await using (var first = await RunningServer.StartOnAsync(database, clock: clock, settings: FastSweep))
        {
            using var admin = await first.AsAsync("admin");
            id = await SendAlertAsync(first, clock, "fight");
            await ClockAsync(admin, id, ClockKind.Reinforce, "Running");
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await using var second = await RunningServer.StartOnAsync(database, clock: clock, settings: FastSweep);
        using var again = await second.AsAsync("admin");

        foreach (var kind in new[] { ClockKind.Respond, ClockKind.Arrive, ClockKind.Reinforce })
        {
            var breached = await ClockAsync(again, id, kind, "Breached");
            Assert.That(breached.GetProperty("late").GetBoolean(), Is.True, $"{kind} fell due while the server was down");
            Assert.That(breached.TryGetProperty("warnedAt", out var w) && w.ValueKind != JsonValueKind.Null, Is.False, "no warning after the fact");
        }
    }

    [Test]
    public async Task TwoNodesOnOneDatabase_FireEachClockOnce()
    {
        var clock = NewClock();
        await using var database = await TestDatabase.CreateAsync("PostgreSql");
        await using var a = await RunningServer.StartOnAsync(database, clock: clock, settings: FastSweep);
        await using var b = await RunningServer.StartOnAsync(database, clock: clock, settings: FastSweep);
        using var admin = await a.AsAsync("admin");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await SendAlertAsync(i % 2 == 0 ? a : b, clock, "fight"));
        }

        foreach (var id in ids)
        {
            await ClockAsync(admin, id, ClockKind.Reinforce, "Running");
        }

        clock.Advance(TimeSpan.FromSeconds(50));
        foreach (var id in ids)
        {
            await ClockAsync(admin, id, ClockKind.Respond, "Warned");
        }

        clock.Advance(TimeSpan.FromMinutes(6));
        foreach (var id in ids)
        {
            await ClockAsync(admin, id, ClockKind.Reinforce, "Breached");
        }

        await Eventually.GetValueAsync<int>(async () =>
        {
            var n = await database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'clock.escalated'");
            return n >= ids.Count * 3 ? n : null;
        }, Wait, "every breach escalated");

        // A second firing would come from a pass that is still running. Stopping a node waits for its sweeper's
        // pass and its consumers to finish, so once both have stopped every row either node could write is written.
        await a.DisposeAsync();
        await b.DisposeAsync();
        var breaches = await database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'clock.breached'");
        var warnings = await database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'clock.warned'");
        var escalations = await database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'clock.escalated'");
        Assert.That(breaches, Is.EqualTo(ids.Count * 3), "three clocks per incident, each breached once");
        Assert.That(warnings, Is.EqualTo(ids.Count), "respond warned once each; the others fell due with no warning in between");
        Assert.That(escalations, Is.EqualTo(ids.Count * 3), "each breach escalated once");
    }

    private static async Task<Guid> SendAlertAsync(RunningServer running, FakeTimeProvider clock, string category)
    {
        using var intake = running.Machine();
        var alertId = "110-clock-" + Guid.NewGuid().ToString("N")[..12];
        var response = await intake.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId,
            receivedAt = clock.GetUtcNow().ToString("O"),
            categoryCode = category,
            description = "有人在路口打架",
        });
        response.EnsureSuccessStatusCode();
        return IncidentReference.ForAlert(alertId);
    }

    /// <summary>The clock of a kind as <c>GET /api/incidents/{id}</c> shows it, once it reaches <paramref name="state"/>.</summary>
    private static Task<JsonElement?> ClockOrNullAsync(HttpClient http, Guid id, ClockKind kind, string state) =>
        Task.Run<JsonElement?>(async () =>
        {
            var response = await http.GetAsync($"/api/incidents/{id}");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!detail.TryGetProperty("clocks", out var clocks) || clocks.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var c in clocks.EnumerateArray())
            {
                if (c.GetProperty("kind").GetString() == kind.ToString() && c.GetProperty("state").GetString() == state)
                {
                    return c;
                }
            }

            return null;
        });

    private static Task<JsonElement> ClockAsync(HttpClient http, Guid id, ClockKind kind, string state) =>
        Eventually.GetValueAsync(() => ClockOrNullAsync(http, id, kind, state), Wait, $"clock {kind} of {id} to be {state}");

    private static async Task<List<string>> TimelineAsync(HttpClient http, Guid id)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        return detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()!).ToList();
    }
}
