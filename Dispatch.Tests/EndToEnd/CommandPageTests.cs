using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The page at <c>/</c> in a real Chromium on the embedded defaults (SQLite, in-memory bus): an alert posted
/// while the operator watches appears without a refresh.
/// </summary>
[NonParallelizable]
public sealed class CommandPageTests
{
    private RunningServer running = null!;
    private Uri server = null!;
    private HttpClient http = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        (server, http) = (running.Address, running.Http);
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
    public async Task AlertPostedWhileWatching_AppearsWithoutARefresh()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await page.GotoAsync(server.ToString());
        await SignInAsync(page, "operator");
        await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        var alertId = "110-page-" + Guid.NewGuid().ToString("N")[..8];
        var hostile = "两名男子在饭店门口互殴 <img src=x onerror=\"document.title='pwned'\">";

        using var platform = Session.WithApiKey(server);
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId,
            receivedAt = DateTimeOffset.UtcNow.ToString("O"),
            categoryCode = "fight",
            description = hostile,
            address = "杭州市上城区彭埠街道新塘路88号",
            location = new { lon = 120.21, lat = 30.29 },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var row = page.Locator($"[data-testid=incident-row][data-incident-id='{IncidentReference.ForAlert(alertId)}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
        Assert.That(await row.InnerTextAsync(), Does.Contain(hostile), "the description is shown as text, markup and all");
        Assert.That(await page.TitleAsync(), Does.Not.Contain("pwned"));
        Assert.That(await page.Locator("[data-testid=incident-list] img").CountAsync(), Is.Zero);
        await Browser.ScreenshotAsync(page, "command-page");
    }

    [Test]
    public async Task SignIn_WithAWrongPassword_SaysSoAndShowsNoIncidents()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.ToString());

        await page.Locator("[data-testid=login-user]").FillAsync("operator");
        await page.Locator("[data-testid=login-password]").FillAsync("not-the-password");
        await page.Locator("[data-testid=login-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("用户名或密码错误");
        Assert.That(await page.Locator("main").IsHiddenAsync(), Is.True);
    }

    [Test]
    public async Task LanguageToggle_SwitchesBetweenChineseAndEnglish()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.ToString());
        var before = await page.Locator("h1").InnerTextAsync();

        await page.Locator("[data-testid=lang-toggle]").ClickAsync();
        var after = await page.Locator("h1").InnerTextAsync();

        Assert.That(before, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), "Chinese is the default");
        Assert.That(after, Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"));
        await page.ReloadAsync();
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(after), "the choice is remembered");
    }

    /// <summary>Signs in through the page already open, with its own form, as an operator would.</summary>
    [Test]
    public async Task WallDisplay_ShowsABusyQueueBesideTheMap_WithLegendWholeAreaAndFullScreen()
    {
        // Fourteen open incidents of different kinds and places (one category at one place would merge).
        string[] categories = ["theft", "fraud", "robbery", "assault", "fight", "burglary", "drugs", "gambling", "noise", "street-vending",
            "illegal-parking", "exposed-rubbish", "neighbour-dispute", "labour-dispute"];
        using var platform = Session.WithApiKey(server);
        for (var i = 0; i < categories.Length; i++)
        {
            var sent = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId = "110-wall-" + Guid.NewGuid().ToString("N")[..8], receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = categories[i],
                description = $"墙面显示测试第{i + 1}起，来电人说得很长很长，把前因后果都讲了一遍，需要民警尽快到场处理", address = $"云峰路{i + 1}号",
                location = new { lon = 120.205 + i * 0.001, lat = 30.285 },
            });
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        foreach (var (width, height, least) in new[] { (1920, 1080, 12), (1366, 768, 6) })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
            await page.GotoAsync(server.ToString());
            await SignInAsync(page, "operator");
            await Assertions.Expect(page.Locator("[data-testid=incident-row]")).Not.ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=incident-row]").Nth(least - 1)).ToBeAttachedAsync(new() { Timeout = 10_000 });

            // Rows wholly on screen without scrolling the page, beside the map.
            var visible = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('[data-testid=incident-row]')].filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }).length");
            Assert.That(visible, Is.GreaterThanOrEqualTo(least), $"rows on screen at {width}×{height}");
            Assert.That(await page.EvaluateAsync<double>("() => scrollY"), Is.Zero);
            await Assertions.Expect(page.Locator("[data-testid=map]")).ToBeInViewportAsync();
            await page.CloseAsync();
        }

        var wall = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        await wall.GotoAsync(server.ToString());
        await SignInAsync(wall, "operator");
        var legend = wall.Locator("[data-testid=map-legend]");
        await Assertions.Expect(legend).ToContainTextAsync("待派");
        await Assertions.Expect(legend).ToContainTextAsync("空闲力量");
        await wall.Locator("[data-testid=map-whole-area]").ClickAsync();
        await wall.Locator("[data-testid=map-full-screen]").ClickAsync();
        var pane = (await wall.Locator(".map-pane").BoundingBoxAsync())!;
        Assert.That((pane.Width, pane.Height), Is.EqualTo((1920f, 1080f)), "the map fills the wall");
        await Assertions.Expect(wall.Locator("[data-testid=map-full-screen]")).ToHaveTextAsync("退出全屏");
        await wall.Keyboard.PressAsync("Escape");
        await Assertions.Expect(wall.Locator(".map-pane")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-full"));

        // 宽松 brings back the stacked rows, and the choice stays.
        await wall.Locator("[data-testid=density-toggle]").ClickAsync();
        await Assertions.Expect(wall.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("comfortable"));
        await wall.ReloadAsync();
        await Assertions.Expect(wall.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("comfortable"));
        await Browser.SaveDocScreenshotAsync(wall, "command-wall");
        await wall.CloseAsync();
    }

    internal static Task SignInAsync(IPage page, string userName) => Browser.SubmitSignInAsync(page, userName);
}
