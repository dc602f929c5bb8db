using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The command screen's side panels in a real Chromium: an incident's detail with one-click dispatch, the triage
/// queue with reclassification, and the task-order board, each changing without a reload.
/// </summary>
[NonParallelizable]
public sealed partial class CommandDetailTests
{
    private RunningServer running = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private JurisdictionIndex index = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // No auto-dispatch: the operator dispatches from the page.
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        index = running.App.Services.GetRequiredService<JurisdictionIndex>();
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task Detail_OfAPostedAlert_ShowsTheCallerAndDispatchesARecommendedUnitInOneClick()
    {
        var page = await OperatorPageAsync();
        var id = await PostAlertAsync("theft", "楼下电动车被偷了，刚刚看到一个人推走", "330102007004002", "13812345678");
        var row = Row(page, id);
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await Browser.SaveDocScreenshotAsync(page, "command");

        await row.ClickAsync();

        var detail = page.Locator("[data-testid=incident-detail]");
        var caller = detail.Locator("[data-testid=caller]");
        await Assertions.Expect(caller).ToContainTextAsync("楼下电动车被偷了");
        await Assertions.Expect(caller).ToContainTextAsync("138****5678");
        Assert.That(await caller.InnerTextAsync(), Does.Not.Contain("13812345678"), "the caller's number is masked on the wall display");
        await Assertions.Expect(detail.Locator("[data-testid=detail-area]")).Not.ToHaveTextAsync(new Regex("^—?$"));
        // The detail panel is taller than the map and the one-row queue: the queue still starts right under the map.
        var mapBox = (await page.Locator(".map-pane").BoundingBoxAsync())!;
        var queueBox = (await page.Locator("section.queue").BoundingBoxAsync())!;
        Assert.That(queueBox.Y - (mapBox.Y + mapBox.Height), Is.LessThan(40), "no empty band between the map and the queue");
        var recommendation = detail.Locator("[data-testid=recommendation]").First;
        await Assertions.Expect(recommendation.Locator("[data-testid=distance]")).ToHaveTextAsync(DistancePattern());
        await Assertions.Expect(recommendation.Locator("[data-testid=eta]")).Not.ToBeEmptyAsync();
        var unit = await recommendation.GetAttributeAsync("data-unit");

        await recommendation.Locator("[data-testid=dispatch]").ClickAsync();

        await Assertions.Expect(detail.Locator($"[data-testid=assignment][data-unit='{unit}']")).ToHaveAttributeAsync("data-state", "Dispatched");
        await Assertions.Expect(row.Locator(".pill")).ToHaveAttributeAsync("data-status", "InProgress");
        await Assertions.Expect(detail.Locator("[data-testid=detail-status]")).ToHaveAttributeAsync("data-status", "InProgress");
        await Assertions.Expect(detail.Locator("[data-testid=detail-timeline] li")).Not.ToHaveCountAsync(0);
        await Browser.SaveDocScreenshotAsync(page, "command-detail");
    }

    [Test]
    public async Task Triage_VagueAlertReclassifiedInThePage_LeavesTriageAndIsRouted()
    {
        var page = await OperatorPageAsync();
        await page.Locator("[data-testid=tab-triage]").ClickAsync();
        var id = await PostAlertAsync(null, "我要反映一个情况，具体的见面再说", "330102007002005");
        var item = page.Locator($"[data-testid=triage-item][data-incident-id='{id}']");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid=triage-count]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(item.Locator(".reasons li")).Not.ToHaveCountAsync(0);
        await Browser.SaveDocScreenshotAsync(page, "triage");

        // The scoring stays in the details; the headline says what and where.
        await Assertions.Expect(item.Locator("details.reasons-box")).Not.ToHaveAttributeAsync("open", "");
        // Decided from the incident's own panel: the catalogue grouped by kind, in Chinese, narrowed by a search.
        await item.Locator("[data-testid=triage-open]").ClickAsync();
        await page.Locator("[data-testid=incident-detail] [data-testid=detail-reclassify]").ClickAsync();
        var dialog = page.Locator("[data-testid=action-dialog]");
        var categories = dialog.Locator("[data-testid=field-categoryCode]");
        // The dialog opens once the catalogue has been read (the first time on this page, a request away).
        await Assertions.Expect(categories.Locator("optgroup")).ToHaveCountAsync(3);
        Assert.That(await categories.Locator("optgroup").EvaluateAllAsync<string[]>("gs => gs.map(g => g.label)"), Is.EqualTo(new[] { "警务类", "非警务类", "纠纷类" }));
        await dialog.Locator("[data-testid=field-categoryCode-search]").FillAsync("邻里");
        var shown = await categories.Locator("option:not([hidden])").AllInnerTextsAsync();
        Assert.That(shown, Is.Not.Empty.And.All.Contain("邻里"));
        await Assertions.Expect(categories).ToHaveValueAsync("neighbour-dispute");
        await dialog.Locator("[data-testid=field-reason]").FillAsync("回拨核实：邻居争吵");
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();

        await Assertions.Expect(item).ToHaveCountAsync(0);
        var row = Row(page, id);
        await Assertions.Expect(row.Locator(".pill")).Not.ToHaveAttributeAsync("data-status", "NeedsTriage");
        await Assertions.Expect(row.Locator("[data-testid=incident-organisation] .org")).ToHaveTextAsync(new Regex(@"\S"));
    }

    [Test]
    public async Task Triage_AddressTheRegisterIsUnsureOf_OperatorPicksACandidateInOneClick()
    {
        var page = await OperatorPageAsync();
        await page.Locator("[data-testid=tab-triage]").ClickAsync();
        // No coordinates, and an address the register holds only in part (兴隆花园 has no building 99).
        var alertId = "110-detail-" + Guid.NewGuid().ToString("N")[..8];
        using (var platform = running.Machine())
        {
            var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft", description = "电动车在楼下被偷了", address = "兴隆花园99幢",
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        }

        var id = IncidentReference.ForAlert(alertId);
        var item = page.Locator($"[data-testid=triage-item][data-incident-id='{id}']");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        var candidates = item.Locator("[data-testid=pick-address]");
        await Assertions.Expect(candidates.First).ToContainTextAsync("兴隆花园");

        await candidates.First.ClickAsync();

        await Assertions.Expect(item).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, id).Locator(".pill")).Not.ToHaveAttributeAsync("data-status", "NeedsTriage");
        using var http = await running.AsAsync("operator");
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.That(detail.GetProperty("incident").GetProperty("addressMatch").GetProperty("used").GetBoolean(), Is.True);
        Assert.That(detail.GetProperty("incident").GetProperty("jurisdiction").GetProperty("community").GetProperty("name").GetString(), Is.EqualTo("兴隆社区"));
    }

    [Test]
    public async Task TaskBoard_AfterAHandOverFromTheDetail_ShowsTheOrderWithItsDueTime()
    {
        var page = await OperatorPageAsync();
        var id = await PostAlertAsync("neighbour-dispute", "楼上漏水，邻居争执不下", "330102007002003");
        var row = Row(page, id);
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.Locator("[data-testid=incident-detail]");
        await Assertions.Expect(detail.Locator("[data-testid=caller]")).ToContainTextAsync("楼上漏水");

        await detail.Locator("[data-testid=hand-over]").ClickAsync();
        var dialog = page.Locator("[data-testid=action-dialog]");
        await dialog.Locator("[data-testid=field-instructions]").FillAsync("现场未能调解，请司法所组织调解");
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
        await Assertions.Expect(detail.Locator("[data-testid=detail-status]")).ToHaveAttributeAsync("data-status", "Closed");

        await page.Locator("[data-testid=tab-board]").ClickAsync();
        var order = page.Locator($"[data-testid=task-order][data-incident-id='{id}']");
        await Assertions.Expect(order).ToContainTextAsync("现场未能调解，请司法所组织调解", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await Assertions.Expect(order.Locator("[data-testid=task-order-due]")).ToHaveTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} 23:59"));
        await Assertions.Expect(order).ToHaveAttributeAsync("data-due", "ok");
        await Assertions.Expect(page.Locator("[data-testid=board-count]")).Not.ToHaveTextAsync("0");
        await Browser.SaveDocScreenshotAsync(page, "task-board");
    }

    [Test]
    public async Task TaskBoard_WithALongInstructionInANarrowPanel_ShowsEachOrderAsAReadableRow()
    {
        // 1200 px wide: the side panel at its narrowest beside the map (a third of the screen).
        var page = await Browser.SignedInPageAsync(browser, running.Address, "/", "operator", 1200, 900);
        var id = await PostAlertAsync("neighbour-dispute", "楼上漏水，邻居争执不下", "330102007002003");
        using var http = await running.AsAsync("operator");
        await Eventually.GetAsync(async () => (await http.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(10), "the incident");
        // Several hundred characters with no break a browser could wrap at but between any two of them.
        var instructions = string.Concat(Enumerable.Repeat("请司法所联系双方当事人核实漏水原因并组织物业与业主现场调解三个工作日内反馈结果", 10));
        var issued = await http.PostAsJsonAsync("/api/task-orders", new { incidentId = id, organisationCode = "CG-YUNFENG", instructions });
        Assert.That(issued.IsSuccessStatusCode, Is.True, await issued.Content.ReadAsStringAsync());

        await page.Locator("[data-testid=tab-board]").ClickAsync();
        var order = page.Locator($"[data-testid=task-order][data-incident-id='{id}']");
        await Assertions.Expect(order).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        var words = order.Locator("[data-testid=task-order-instructions]");
        await Assertions.Expect(words).ToHaveAttributeAsync("title", instructions);
        var box = (await order.BoundingBoxAsync())!;
        var wordsBox = (await words.BoundingBoxAsync())!;
        await Browser.ScreenshotAsync(page, "task-board-long-instructions");
        Assert.That(box.Height, Is.LessThan(120), "clamped to a few lines, not a 16,000-px column");
        Assert.That(wordsBox.Width, Is.GreaterThan(200), "the words get the row's width, not one character per line");
        await Assertions.Expect(order).ToContainTextAsync("综合行政执法队");
        await Assertions.Expect(order.Locator("[data-testid=task-order-about]")).ToHaveTextAsync(new Regex("^邻里纠纷"), new() { Timeout = 5_000 });
        await Assertions.Expect(order.Locator("[data-testid=task-order-due]")).ToHaveTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"));
        await order.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-detail] [data-testid=caller]")).ToContainTextAsync("楼上漏水");
    }

    private Task<IPage> OperatorPageAsync() => Browser.SignedInPageAsync(browser, running.Address, "/", "operator", 1800, 1000);

    private async Task<Guid> PostAlertAsync(string? category, string description, string grid, string? callerPhone = null)
    {
        var at = index.PointInside(AreaLevel.Grid, grid)!;
        var alertId = "110-detail-" + Guid.NewGuid().ToString("N")[..8];
        using var platform = running.Machine();
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description, address = "云峰街道新塘路88号", callerPhone,
            location = new { lon = at.Lon, lat = at.Lat },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return IncidentReference.ForAlert(alertId);
    }

    private static ILocator Row(IPage page, Guid id) => page.Locator($"[data-testid=incident-row][data-incident-id='{id}']");

    /// <summary>A test artefact, and the README's picture of the screen.</summary>
    [GeneratedRegex(@"^\d+(\.\d)? k?m$")]
    private static partial Regex DistancePattern();
}
