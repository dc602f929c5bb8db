using System.Net;
using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>The 1/3/5 clocks on the operator's page: they count, and a missed one raises the alarm on screen.</summary>
[NonParallelizable]
public sealed class ClockScreenTests
{
    [Test]
    public async Task MissedRespondClock_RaisesTheAlarmOnTheOperatorsScreen()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var running = await RunningServer.StartAsync(clock: clock,
            settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1700, Height = 900 } });
            // Counts the alarm's tones; the page's own timers run on Playwright's clock so the test can move them on.
            await page.AddInitScriptAsync("""
                window.tones = 0;
                const create = AudioContext.prototype.createOscillator;
                AudioContext.prototype.createOscillator = function () { window.tones++; return create.call(this); };
                """);
            await page.Clock.InstallAsync();
            await page.GotoAsync(running.Address.ToString());
            await CommandPageTests.SignInAsync(page, "operator");
            await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync();

            var at = running.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007004002")!;
            var alertId = "110-clock-page-" + Guid.NewGuid().ToString("N")[..6];
            using var platform = running.Machine();
            var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = clock.GetUtcNow().ToString("O"), categoryCode = "theft", description = "商场内手机被盗", address = "云峰路100号",
                location = new { lon = at.Lon, lat = at.Lat },
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            var row = page.Locator($"[data-testid=incident-row][data-incident-id='{IncidentReference.ForAlert(alertId)}']");
            var respond = row.Locator(".clock-chip[data-kind=Respond]");
            await Assertions.Expect(respond).ToHaveAttributeAsync("data-state", "Running", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            await Assertions.Expect(row.Locator(".clock-chip[data-kind=Arrive]")).ToHaveAttributeAsync("data-state", "Running");

            clock.Advance(TimeSpan.FromSeconds(70));

            await Assertions.Expect(respond).ToHaveAttributeAsync("data-state", "Breached", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            var alarm = page.Locator("[data-testid=alarm-list]");
            await Assertions.Expect(alarm).ToBeVisibleAsync();
            await Assertions.Expect(alarm).ToContainTextAsync("响应");
            await Browser.ScreenshotAsync(page, "alarm-list");
            await page.Clock.RunForAsync(9_000);
            Assert.That(await page.EvaluateAsync<int>("window.tones"), Is.GreaterThanOrEqualTo(3), "the tone repeats until acknowledged");
            await alarm.Locator("[data-testid=alarm-row] [data-testid=alarm-ack]").ClickAsync();
            await Assertions.Expect(alarm).ToBeHiddenAsync();
            var afterAck = await page.EvaluateAsync<int>("window.tones");
            await page.Clock.RunForAsync(9_000);
            Assert.That(await page.EvaluateAsync<int>("window.tones"), Is.EqualTo(afterAck), "and stops once acknowledged");
            await Assertions.Expect(row.Locator(".clock-chip[data-kind=Arrive]")).ToHaveAttributeAsync("data-state", "Running");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
