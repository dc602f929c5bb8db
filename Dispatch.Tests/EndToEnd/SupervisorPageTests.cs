using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The supervisor desk at <c>/supervisor.html</c> in a real Chromium, on a fake clock: a breach appears while the
/// supervisor watches, the assessment shows the organisation's figures, a breach opens its incident's timeline, and
/// both CSV links download a table with its header row.
/// </summary>
[NonParallelizable]
public sealed class SupervisorPageTests
{
    [Test]
    public async Task MissedClock_AppearsLive_WithTheAssessmentTimelineAndCsv()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var running = await RunningServer.StartAsync(clock: clock,
            settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        using var operatorClient = await running.AsAsync("operator");
        using var handler = await running.AsAsync("handler");

        // 城管 receives a task order and completes it on time: one received, one completed, 按期办结率 100%.
        var order = await DeskPageTests.HandOverAsync(running, operatorClient, "street-vending", 120.2100, 30.2800, "占道经营，请城管处理");
        Assert.That((await handler.PostAsJsonAsync($"/api/task-orders/{order}/accept", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await handler.PostAsJsonAsync($"/api/task-orders/{order}/complete", new { result = "已劝离" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A theft nobody responds to: its 1-minute clock will be missed once the clock moves.
        var at = running.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007004002")!;
        var alertId = "110-supervisor-" + Guid.NewGuid().ToString("N")[..6];
        using var platform = running.Machine();
        var sent = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = clock.GetUtcNow().ToString("O"), categoryCode = "theft", description = "超市门口电动车被盗", address = "云峰路100号",
            location = new { lon = at.Lon, lat = at.Lat },
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorClient.GetAsync($"/api/incidents/{incident}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the incident");

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } });
            await page.GotoAsync(new Uri(running.Address, "/supervisor.html").ToString());
            await CommandPageTests.SignInAsync(page, "supervisor");
            await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

            var organisation = page.Locator("[data-testid=assessment-row][data-code=CG-YUNFENG]");
            await Assertions.Expect(organisation).ToContainTextAsync("100%", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
            await Assertions.Expect(organisation.Locator("th")).ToHaveTextAsync("云峰街道综合行政执法队");
            await Assertions.Expect(page.Locator("[data-testid=chart-on-time] svg > title")).ToHaveTextAsync("按期办结率（按责任单位）");
            await Assertions.Expect(page.Locator("[data-testid=chart-on-time] figcaption")).ToHaveTextAsync("按期办结率（按责任单位）");
            await Assertions.Expect(page.Locator("[data-testid=chart-on-time] text.label").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
            await Assertions.Expect(page.Locator("[data-testid=heat-cell]").First).ToBeVisibleAsync();
            var breach = page.Locator($"[data-testid=breach-row][data-incident-id='{incident}'][data-kind=respond]");
            Assert.That(await breach.CountAsync(), Is.Zero, "nothing is late yet");

            clock.Advance(TimeSpan.FromSeconds(70));

            await Assertions.Expect(breach).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
            await Assertions.Expect(breach).ToContainTextAsync("响应");
            await Assertions.Expect(breach).ToContainTextAsync("盗窃 · 云峰路100号"); // what happened and where, not only ids
            await Assertions.Expect(page.Locator("[data-testid=announcer]")).ToContainTextAsync("新的超时");
            await Assertions.Expect(page.Locator("[data-testid=chart-hours] svg > title")).ToHaveTextAsync("各小时超时次数");

            await breach.Locator("[data-testid=open-timeline]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=timeline-incident]")).ToContainTextAsync("超市门口电动车被盗");
            await Assertions.Expect(page.Locator("[data-testid=timeline-entries] li").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=timeline-entries]")).ToContainTextAsync("时钟超时");

            // Scrolled down to the assessment, the open timeline does not cover its table.
            await page.Locator("[data-testid=assessment-rows]").EvaluateAsync("table => table.scrollIntoView({ block: 'start' })");
            var timelineBox = (await page.Locator("[data-testid=timeline]").BoundingBoxAsync())!;
            var tableBox = (await page.Locator("[data-testid=assessment-rows]").BoundingBoxAsync())!;
            Assert.That(timelineBox.Y + timelineBox.Height <= tableBox.Y || tableBox.Y + tableBox.Height <= timelineBox.Y
                || timelineBox.X + timelineBox.Width <= tableBox.X || tableBox.X + tableBox.Width <= timelineBox.X, Is.True,
                $"the timeline ({timelineBox.Y:0}–{timelineBox.Y + timelineBox.Height:0}) overlaps the assessment table ({tableBox.Y:0}–{tableBox.Y + tableBox.Height:0})");

            Assert.That(await CsvHeaderAsync(page, "breaches-csv"), Does.StartWith("事件 incident,类型 kind"));
            Assert.That(await CsvHeaderAsync(page, "assessment-csv"), Does.StartWith("代码 code,名称 name"));

            // Narrowed to another kind of deadline, the breach is filtered out.
            await page.Locator("[data-testid=filter-kind]").SelectOptionAsync("task-order");
            await Assertions.Expect(breach).ToHaveCountAsync(0);
            await page.Locator("[data-testid=filter-kind]").SelectOptionAsync("");
            await Assertions.Expect(breach).ToBeVisibleAsync();

            await Browser.SaveDocScreenshotAsync(page, "supervisor");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Follows a CSV link with the page's own session, as a click on it would, and answers the header row.</summary>
    private static async Task<string> CsvHeaderAsync(IPage page, string testId)
    {
        var href = await page.Locator($"[data-testid={testId}]").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        Assert.That(response.Status, Is.EqualTo(200), href);
        Assert.That(response.Headers["content-type"], Does.StartWith("text/csv"));
        var text = Encoding.UTF8.GetString(await response.BodyAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n")[0];
    }
}
