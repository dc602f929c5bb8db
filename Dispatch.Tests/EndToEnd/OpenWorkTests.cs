using System.Net;
using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Open work never disappears, on the production setup (PostgreSQL, RabbitMQ, Production). A fire reported 24
/// minutes ago and still waiting sits below more newer incidents than the list's first page holds (the page used to
/// load only the 100 newest of any status, and the fire was gone from queue and map); the operator's screen still
/// shows it, above the closed history, and a new alert joins the queue live without pushing it out.
/// </summary>
[NonParallelizable]
public sealed class OpenWorkTests
{
    private const string OperatorPassword = "open-work-operator-secret-1";
    private const string Grid = "330102007001001";

    [Test]
    public async Task AnOldOpenIncident_StaysOnTheScreen_BelowAHundredNewerClosedOnes()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-zheng", "值班 郑三", OperatorPassword);
        var server = install.Server.Address;

        // The shift so far, written through the incident store the server reads: the fire, then 120 closed cases.
        var now = DateTimeOffset.UtcNow;
        var fire = await install.SeedIncidentAsync(new("有人在仓库门口放火，烟很大", now.AddMinutes(-24), IncidentStatus.Open));
        for (var i = 0; i < 120; i++)
        {
            await install.SeedIncidentAsync(new($"已处置的噪音投诉 {i}", now.AddMinutes(-23).AddSeconds(i * 10), IncidentStatus.Closed));
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, server, "/", "duty-zheng", OperatorPassword);

            var rows = page.Locator("[data-testid=incident-row]");
            var fireRow = page.Locator($"[data-testid=incident-row][data-incident-id='{fire}']");
            await Assertions.Expect(fireRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-incident-id", fire.ToString(), new() { Timeout = 5_000 });
            await Assertions.Expect(fireRow).ToContainTextAsync("有人在仓库门口放火");

            // A new call arrives over the bus: it joins the open work at the top, and the fire is still there.
            var (lon, lat) = ProductionInstall.PointInGrid(Grid);
            using var platform = Session.WithApiKey(server, install.PlatformKey);
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId = "110-open-work-1", receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fight",
                description = "小区门口有人打架", address = "云峰路3号", location = new { lon, lat },
            });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
            await Assertions.Expect(rows.Filter(new() { HasText = "小区门口有人打架" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Assertions.Expect(fireRow).ToHaveCountAsync(1);
            var closedShown = await page.Locator("[data-testid=incident-row][data-status=Closed]").CountAsync();
            Assert.That(closedShown, Is.InRange(1, 100), "the closed history is bounded; open work is not");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

}
