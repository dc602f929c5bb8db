using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The command screen's history (历史 tab) on the production setup (PostgreSQL, RabbitMQ, Production): 45 closed
/// incidents of a shift, searched by the last digits of a caller's number and by a word of an address, filtered by
/// category and paged, and a row of page 2 opened in the detail; the live queue keeps its open incident meanwhile;
/// a call that comes in while the history is on screen shows there without a click.
/// </summary>
[NonParallelizable]
public sealed class HistoryTests
{
    private const string OperatorPassword = "history-operator-secret-1";
    private const string Community = "330102007002";
    private const string Grid = "330102007002001";
    private const string CallerPhone = "13912345678";

    [Test]
    public async Task ClosedIncidents_AreSearchedFilteredAndPaged_AndARowOpensItsDetail()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-wang", "值班 王五", OperatorPassword);
        var server = install.Server.Address;

        // The shift, written through the incident store the server reads: 30 noise complaints (three from one
        // caller), 15 small fires (one in 望江花园), all closed, and one fight still waiting.
        var start = DateTimeOffset.UtcNow.AddHours(-5);
        for (var i = 0; i < 30; i++)
        {
            await install.SeedIncidentAsync(InCommunity("noise", "噪音", $"夜间施工噪音扰民 第{i}起", $"新塘路{i}号", i < 3 ? CallerPhone : $"1370000{i:0000}",
                start.AddMinutes(i * 5), IncidentStatus.Closed));
        }

        for (var i = 0; i < 15; i++)
        {
            await install.SeedIncidentAsync(InCommunity("fire", "火灾", $"楼道杂物起火 第{i}起", i == 7 ? "望江花园7幢" : $"云峰路{i}号", null,
                start.AddMinutes(i * 5 + 2), IncidentStatus.Closed));
        }

        var open = await install.SeedIncidentAsync(InCommunity("fight", "打架斗殴", "小区门口有人打架", "云峰路3号", null, start.AddMinutes(-30), IncidentStatus.Open));

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, server, "/", "duty-wang", OperatorPassword);
            var openRow = page.Locator($"[data-testid=incident-row][data-incident-id='{open}']");
            await Assertions.Expect(openRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });

            await page.Locator("[data-testid=tab-history]").ClickAsync();
            var history = page.Locator("[data-testid=incident-history]");
            var rows = history.Locator("[data-testid=history-row]");
            var where = history.Locator("[data-testid=history-page]");
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 3 页，共 45 条", new() { Timeout = 10_000 });
            await Assertions.Expect(rows).ToHaveCountAsync(20);
            Assert.That(await history.Locator($"[data-incident-id='{open}']").CountAsync(), Is.Zero, "open work is the live queue's");

            // 尾号 5678: the three calls from one number, found by the digits the screen shows; the number is never shown whole.
            var search = history.Locator("[data-testid=history-search]");
            await search.FillAsync("5678");
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 1 页，共 3 条");
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(rows.Filter(new() { HasText = "夜间施工噪音扰民" })).ToHaveCountAsync(3);
            Assert.That(await page.ContentAsync(), Does.Not.Contain(CallerPhone));

            // A word of an address.
            await search.FillAsync("望江花园");
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 1 页，共 1 条");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync("楼道杂物起火 第7起");

            // By category, then page 2 of 2.
            await search.FillAsync("");
            await history.Locator("[data-testid=history-filter-category]").SelectOptionAsync("noise");
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 2 页，共 30 条");
            await history.Locator("[data-testid=history-next]").ClickAsync();
            await Assertions.Expect(where).ToHaveTextAsync("第 2 / 2 页，共 30 条");
            await Assertions.Expect(rows).ToHaveCountAsync(10);
            await Assertions.Expect(history.Locator("[data-testid=history-next]")).ToBeDisabledAsync();
            await Assertions.Expect(rows.First).ToContainTextAsync("夜间施工噪音扰民 第9起");
            await Browser.ScreenshotAsync(page, "history");

            // A row opens the incident's detail, as a queue row does; the history keeps its filters and page.
            await rows.First.ClickAsync();
            var detail = page.Locator("[data-testid=incident-detail]");
            await Assertions.Expect(detail).ToBeVisibleAsync();
            await Assertions.Expect(detail.Locator("[data-testid=caller]")).ToContainTextAsync("夜间施工噪音扰民 第9起");
            await page.Locator("[data-testid=tab-history]").ClickAsync();
            await Assertions.Expect(where).ToHaveTextAsync("第 2 / 2 页，共 30 条");
            await Assertions.Expect(openRow).ToHaveCountAsync(1);

            // Live: with every status shown, a call that comes in now is on the page without a click.
            await history.Locator("[data-testid=history-filter-category]").SelectOptionAsync("");
            await history.Locator("[data-testid=history-filter-status]").SelectOptionAsync("");
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 3 页，共 46 条");
            using var platform = Session.WithApiKey(server, install.PlatformKey);
            var (lon, lat) = ProductionInstall.PointInGrid(Grid);
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId = "110-history-live", receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "noise",
                description = "刚来的噪音投诉，楼下广场舞音响太大", location = new { lon, lat },
            });
            Assert.That(posted.IsSuccessStatusCode, Is.True, await posted.Content.ReadAsStringAsync());
            await Assertions.Expect(where).ToHaveTextAsync("第 1 / 3 页，共 47 条", new() { Timeout = 10_000 });
            await Assertions.Expect(rows.Filter(new() { HasText = "刚来的噪音投诉" })).ToHaveCountAsync(1);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>A call of the shift in 新塘社区.</summary>
    private static SeededIncident InCommunity(string category, string categoryName, string description, string address, string? phone,
        DateTimeOffset receivedAt, IncidentStatus status) =>
        new(description, receivedAt, status)
        {
            Category = category, CategoryName = categoryName, Address = address, Phone = phone, Grid = Grid, Community = new AreaRef(Community, "新塘社区"),
        };
}
