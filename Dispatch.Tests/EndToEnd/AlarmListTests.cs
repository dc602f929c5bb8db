using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The alarm list on the production setup (PostgreSQL, RabbitMQ, Production). Two clocks breached before the operator
/// opened the page, one on an incident already in progress: both are listed, a row opens its incident, 确认 leaves
/// the other, 全部确认 empties the list and the rows stop flashing, and each acknowledgement is on its incident's
/// audit trail with the operator's name.
/// </summary>
[NonParallelizable]
public sealed class AlarmListTests
{
    private const string OperatorPassword = "alarm-list-operator-secret-1";
    private const string Grid = "330102007001001";

    [Test]
    public async Task TwoBreaches_AreListed_OpenTheirIncidents_AndAreAcknowledgedWithTheOperatorsName()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-qian", "值班 钱四", OperatorPassword);

        // Written through the stores the server reads, as the sweeper would have left them while nobody watched.
        var now = DateTimeOffset.UtcNow;
        var waiting = await SeedAsync(install, "仓库门口有人放火", null, now.AddMinutes(-6), IncidentStatus.Open, ClockKind.Respond);
        var working = await SeedAsync(install, "两车相撞有人受伤", "云峰路8号", now.AddMinutes(-5), IncidentStatus.InProgress, ClockKind.Arrive);

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, install.Server.Address, "/", "duty-qian", OperatorPassword);

            var list = page.Locator("[data-testid=alarm-list]");
            var alarms = list.Locator("[data-testid=alarm-row]");
            await Assertions.Expect(alarms).ToHaveCountAsync(2, new() { Timeout = 15_000 });
            await Assertions.Expect(list.Locator("[data-testid=alarm-count]")).ToHaveTextAsync("未确认告警 2 条");
            // No address on the first call: the sentence ends with the category, with no empty slot after it.
            await Assertions.Expect(list.Locator($"[data-incident-id='{waiting}'] .alarm-text")).ToHaveTextAsync("超时告警：响应未按时完成 — 火灾");
            await Assertions.Expect(list.Locator($"[data-incident-id='{working}'] .alarm-text")).ToHaveTextAsync("超时告警：到场未按时完成 — 火灾，云峰路8号");

            var waitingRow = page.Locator($"[data-testid=incident-row][data-incident-id='{waiting}']");
            var workingRow = page.Locator($"[data-testid=incident-row][data-incident-id='{working}']");
            await Assertions.Expect(waitingRow).ToHaveClassAsync(new Regex("is-alarm"));
            await Assertions.Expect(workingRow).ToHaveClassAsync(new Regex("is-alarm"));

            // A row opens its incident, as a queue row does.
            await alarms.Filter(new() { HasText = "到场" }).Locator(".alarm-text").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=incident-detail]")).ToContainTextAsync("两车相撞有人受伤", new() { Timeout = 5_000 });

            // 确认 on the in-progress incident's breach: that alarm goes, that row stops flashing, the other stays.
            await alarms.Filter(new() { HasText = "到场" }).Locator("[data-testid=alarm-ack]").ClickAsync();
            await Assertions.Expect(alarms).ToHaveCountAsync(1);
            await Assertions.Expect(workingRow).Not.ToHaveClassAsync(new Regex("is-alarm"));
            await Assertions.Expect(waitingRow).ToHaveClassAsync(new Regex("is-alarm"));

            await list.Locator("[data-testid=alarm-ack-all]").ClickAsync();
            await Assertions.Expect(list).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("tr.is-alarm")).ToHaveCountAsync(0);

            // And after a reload the list is still empty: the acknowledgements are the server's, not the page's.
            await page.ReloadAsync();
            await Assertions.Expect(waitingRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Assertions.Expect(list).ToBeHiddenAsync();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        foreach (var id in new[] { waiting, working })
        {
            var actor = await install.Db.ScalarAsync<string>(
                "SELECT actor FROM audit_log WHERE action = 'alarm.acknowledged' AND subject_id = @Id", new { Id = IncidentStore.IdText(id) });
            Assert.That(actor, Is.EqualTo("duty-qian"), $"incident {id}'s acknowledgement names the operator");
        }
    }

    [Test]
    public async Task UrgentTriageCall_RingsLive_IsFirstInTheTriageQueue_AndIsAcknowledged()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-sun", "值班 孙五", OperatorPassword);
        using var platform = Session.WithApiKey(install.Server.Address, install.PlatformKey);

        var urgent = Guid.Empty;
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, install.Server.Address, "/", "duty-sun", OperatorPassword);
            await page.Locator("[data-testid=tab-triage]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });

            // A call nobody can place, then a foreign caller's cry for help that says no more: both wait in triage, the
            // second first. (A cry that says what happened — "my father collapsed and is unconscious" — is no longer
            // triage: the model answers English it is sure of, and that one is a medical emergency for the police.)
            var vague = await PostAlertAsync(platform, "有个事情想反映一下，具体的我也说不好");
            urgent = await PostAlertAsync(platform, "Someone is shouting outside my door, please help");

            var list = page.Locator("[data-testid=alarm-list]");
            var row = list.Locator($"[data-testid=alarm-row][data-incident-id='{urgent}']");
            await Assertions.Expect(row.Locator(".alarm-text")).ToHaveTextAsync(
                "紧急研判：疑似危及生命 — Someone is shouting outside my door, please help", new() { Timeout = 15_000 });
            await Assertions.Expect(list.Locator($"[data-testid=alarm-row][data-incident-id='{vague}']")).ToHaveCountAsync(0);

            var items = page.Locator("[data-testid=triage-item]");
            await Assertions.Expect(items).ToHaveCountAsync(2, new() { Timeout = 15_000 });
            await Assertions.Expect(items.First).ToHaveAttributeAsync("data-incident-id", urgent.ToString());
            await Assertions.Expect(items.First.Locator("[data-testid=triage-urgent]")).ToBeVisibleAsync();

            await row.Locator("[data-testid=alarm-ack]").ClickAsync();
            await Assertions.Expect(list).ToBeHiddenAsync();
            // Acknowledged is not decided: the call stays first in triage until the operator routes it.
            await Assertions.Expect(items.First).ToHaveAttributeAsync("data-incident-id", urgent.ToString());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        var actor = await install.Db.ScalarAsync<string>(
            "SELECT actor FROM audit_log WHERE action = 'alarm.acknowledged' AND subject_id = @Id", new { Id = IncidentStore.IdText(urgent) });
        Assert.That(actor, Is.EqualTo("duty-sun"));
    }

    private static async Task<Guid> PostAlertAsync(HttpClient platform, string description)
    {
        var alertId = "110-alarm-" + Guid.NewGuid().ToString("N")[..8];
        var (lon, lat) = ProductionInstall.PointInGrid(Grid);
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = (string?)null, description, location = new { lon, lat },
        });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return IncidentReference.ForAlert(alertId);
    }

    private static async Task<Guid> SeedAsync(ProductionInstall install, string description, string? address, DateTimeOffset receivedAt,
        IncidentStatus status, ClockKind breached)
    {
        var id = await install.SeedIncidentAsync(new(description, receivedAt, status) { Address = address });
        var due = receivedAt.AddMinutes(1);
        await new ClockStore(install.Db.Database).SeedAsync(
            [new IncidentClock(id, breached, receivedAt, due.AddSeconds(-12), due, ClockState.Breached, null, null, due, true, due)], CancellationToken.None);
        return id;
    }
}
