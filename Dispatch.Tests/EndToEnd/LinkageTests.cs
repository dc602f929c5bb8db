using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// A fire handed to 119 from the command screen with one action, on the production setup (PostgreSQL, RabbitMQ,
/// Production): the panel shows the hand-off with its reference, the respond clock turns met and says so, a second
/// operator's screen sees it live, and the timeline names the operator (issue 19).
/// </summary>
[NonParallelizable]
public sealed partial class LinkageTests
{
    private const string Password = "linkage-operator-secret-1";

    [Test]
    public async Task OperatorHandsAFireTo119_RecordedWithReference_RespondClockMet_OtherScreensSeeIt()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-wu", "值班 吴一", Password,
            new Dictionary<string, string> { ["Dispatch:AutoDispatch"] = "false" });
        await install.AddUserAsync("duty-qian", "Operator", "330102007", "值班 钱二", Password);
        var server = install.Server.Address;
        var scene = ProductionInstall.PointInGrid("330102007002003");

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, server, "/", "duty-wu", Password);
            var watcher = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(watcher, server, "/", "duty-qian", Password);

            using var platform = Session.WithApiKey(server, install.PlatformKey);
            var alertId = "110-linkage-" + Guid.NewGuid().ToString("N")[..8];
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fire",
                description = "小区三楼厨房着火了，冒黑烟", address = "杭州市上城区新塘路12号3楼", location = new { lon = scene.Lon, lat = scene.Lat },
            });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
            var id = IncidentReference.ForAlert(alertId);

            await page.Locator($"[data-testid=incident-row][data-incident-id='{id}']").ClickAsync();
            await watcher.Locator($"[data-testid=incident-row][data-incident-id='{id}']").ClickAsync();
            var detail = page.Locator("[data-testid=incident-detail]");
            await Assertions.Expect(detail.Locator("[data-testid=linkage]")).ToHaveCountAsync(0);

            await detail.Locator("[data-testid=link-fire]").ClickAsync();
            var dialog = page.Locator("[data-testid=action-dialog]");
            await dialog.Locator("[data-testid=field-externalReference]").FillAsync("HZ119-0457");
            await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();

            var linkage = detail.Locator("[data-testid=linkage][data-service=Fire]");
            await Assertions.Expect(linkage).ToContainTextAsync(ReferencePattern());
            await Assertions.Expect(linkage).ToContainTextAsync("HZ119-0457");
            await Assertions.Expect(linkage).ToContainTextAsync("duty-wu");
            await Assertions.Expect(detail.Locator("[data-testid=link-fire]")).ToHaveCountAsync(0, new() { Timeout = 1_000 });
            await Assertions.Expect(detail.Locator("[data-testid=link-medical]")).ToBeVisibleAsync();
            // The clocks say so: the respond clock is met by the hand-off, and the hand-off is named beside them.
            await Assertions.Expect(detail.Locator("[data-testid=detail-clocks] .clock-chip[data-kind=Respond]")).ToHaveAttributeAsync("data-state", "Met",
                new() { Timeout = 10_000 });
            await Assertions.Expect(detail.Locator("[data-testid=clock-linkage]")).ToContainTextAsync("已移交119 消防");
            await Assertions.Expect(detail.Locator("[data-testid=detail-status]")).Not.ToHaveAttributeAsync("data-status", "Closed");

            // The other operator's panel shows it without a reload.
            await Assertions.Expect(watcher.Locator("[data-testid=incident-detail] [data-testid=linkage][data-service=Fire]")).ToContainTextAsync("HZ119-0457",
                new() { Timeout = 10_000 });

            using var api = await Session.SignInAsync(server, "duty-wu", Password);
            var stored = await api.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
            var entry = stored.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "incident.linked");
            Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("duty-wu"));
            await Browser.SaveDocScreenshotAsync(page, "linkage");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [GeneratedRegex(@"119-\d{8}-[0-9A-F]{6}")]
    private static partial Regex ReferencePattern();
}
