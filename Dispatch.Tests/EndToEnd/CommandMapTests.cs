using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The command screen's map in a real Chromium with no tiles and no network: the demo street's polygons and names,
/// the units where they are, and incidents and unit movements arriving live.
/// </summary>
[NonParallelizable]
public sealed class CommandMapTests
{
    private RunningServer running = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await running.DisposeAsync();
    }

    private Task<IPage> OpenAsOperatorAsync() => Browser.SignedInPageAsync(browser, running.Address, "/", "operator");

    [Test]
    public async Task Map_DrawsTheDemoStreetWithItsNamesAndUnitsWithoutTiles()
    {
        var page = await OpenAsOperatorAsync();
        var map = page.Locator("[data-testid=map]");

        await Assertions.Expect(map).ToHaveAttributeAsync("data-areas", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(map.Locator(".area-label-street")).ToContainTextAsync("云峰街道");
        await Assertions.Expect(page.Locator("[data-testid=map-unit]").First).ToBeVisibleAsync();
        Assert.That(await page.Locator(".leaflet-tile").CountAsync(), Is.Zero, "no tile layer is configured");
        Assert.That(await page.Locator("path.leaflet-interactive, path").CountAsync(), Is.GreaterThan(10), "polygons are drawn");
    }

    [Test]
    public async Task AlertAndPositionReport_AppearOnTheMapWithoutARefresh()
    {
        var page = await OpenAsOperatorAsync();
        await Assertions.Expect(page.Locator("[data-testid=map-unit][data-id=YF-PC01]")).ToHaveCountAsync(1);
        var alertId = "110-map-" + Guid.NewGuid().ToString("N")[..8];

        using var platform = Session.WithApiKey(running.Address);
        var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId,
            receivedAt = DateTimeOffset.UtcNow.ToString("O"),
            categoryCode = "fight",
            description = "两名男子在超市门口打架",
            address = "云峰街道新风路",
            location = new { lon = 120.2320, lat = 30.2820 },
        });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var incident = page.Locator($"[data-testid=map-incident][data-id='{IncidentReference.ForAlert(alertId)}']");
        await Assertions.Expect(incident).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 5_000 });
        await Assertions.Expect(incident).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(Open|InProgress)$"));

        var unit = page.Locator("[data-testid=map-unit][data-id=YF-PC01]");
        var before = await unit.GetAttributeAsync("d");
        using var responder = await running.AsAsync("responder");
        var moved = await responder.PostAsJsonAsync("/api/units/YF-PC01/location", new { lon = 120.2290, lat = 30.2790 });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await moved.Content.ReadAsStringAsync());

        await Assertions.Expect(unit).Not.ToHaveAttributeAsync("d", before!, new LocatorAssertionsToHaveAttributeOptions { Timeout = 5_000 });
        await Browser.ScreenshotAsync(page, "command-map");
    }
}
