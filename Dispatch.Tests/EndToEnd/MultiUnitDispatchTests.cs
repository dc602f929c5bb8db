using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Several units on one incident, from the command screen, on the production setup (PostgreSQL, RabbitMQ,
/// Production): the operator clicks 派单 on one recommended car, then on a second; the first goes as the primary unit,
/// the second as a reinforcement — no "ask for a reinforcement" refusal in between (issue 19).
/// </summary>
[NonParallelizable]
public sealed class MultiUnitDispatchTests
{
    private const string OperatorPassword = "multi-operator-secret-1";
    private const string SceneGrid = "330102007002003";

    [Test]
    public async Task OperatorDispatchesTwoUnits_FirstIsPrimary_SecondReinforces()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-zhou", "值班 周一", OperatorPassword,
            new Dictionary<string, string> { ["Dispatch:AutoDispatch"] = "false" });
        var server = install.Server.Address;
        var scene = ProductionInstall.PointInGrid(SceneGrid);

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, server, "/", "duty-zhou", OperatorPassword);

            // Two of the precinct's cars report where they are (a unit with no position cannot be ranked).
            using var platform = Session.WithApiKey(server, install.PlatformKey);
            foreach (var (car, offset) in new[] { ("YF-PC01", 0.002), ("YF-PC02", -0.002) })
            {
                var reported = await platform.PostAsJsonAsync($"/api/units/{car}/location", new { lon = scene.Lon + offset, lat = scene.Lat });
                Assert.That(reported.StatusCode, Is.EqualTo(HttpStatusCode.Accepted).Or.EqualTo(HttpStatusCode.OK), await reported.Content.ReadAsStringAsync());
            }

            var alertId = "110-multi-" + Guid.NewGuid().ToString("N")[..8];
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fight",
                description = "广场上十几个人打群架，有人拿棍子", address = "杭州市上城区云峰路广场", location = new { lon = scene.Lon, lat = scene.Lat },
            });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());

            await page.Locator($"[data-testid=incident-row][data-incident-id='{IncidentReference.ForAlert(alertId)}']").ClickAsync();
            var detail = page.Locator("[data-testid=incident-detail]");
            var first = detail.Locator("[data-testid=recommendation]").First;
            var firstUnit = await first.GetAttributeAsync("data-unit");
            await first.Locator("[data-testid=dispatch]").ClickAsync();
            await Assertions.Expect(detail.Locator($"[data-testid=assignment][data-unit='{firstUnit}'] .role")).ToHaveTextAsync("主办");

            var second = detail.Locator($"[data-testid=recommendation]:not([data-unit='{firstUnit}'])").First;
            var secondUnit = await second.GetAttributeAsync("data-unit");
            await second.Locator("[data-testid=dispatch]").ClickAsync();

            await Assertions.Expect(detail.Locator($"[data-testid=assignment][data-unit='{secondUnit}'] .role")).ToHaveTextAsync("增援");
            await Assertions.Expect(detail.Locator("[data-testid=assignment]")).ToHaveCountAsync(2);
            Assert.That(await detail.Locator("[data-testid=dispatch-refusal]").CountAsync(), Is.Zero, "no refusal was shown");

            // The unit board: every unit in the operator's areas, filtered to another precinct's; one of its available
            // cars is sent by hand to the incident open in the detail, and the board shows it working there.
            await page.Locator("[data-testid=tab-units]").ClickAsync();
            var board = page.Locator("[data-testid=unit-board]");
            await board.Locator("[data-testid=unit-filter-organisation]").SelectOptionAsync("PS-XINTANG");
            await board.Locator("[data-testid=unit-filter-status]").SelectOptionAsync("Available");
            var rows = board.Locator("[data-testid=unit-row]");
            await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
            var third = await rows.First.GetAttributeAsync("data-unit");
            Assert.That(third, Does.StartWith("XT-"), "another precinct's car");
            await rows.First.Locator("[data-testid=unit-dispatch]").ClickAsync();
            await board.Locator("[data-testid=unit-filter-status]").SelectOptionAsync("");
            var sent = board.Locator($"[data-testid=unit-row][data-unit='{third}']");
            await Assertions.Expect(sent).ToHaveAttributeAsync("data-status", "Dispatched", new() { Timeout = 5_000 });
            await Assertions.Expect(sent.Locator("[data-testid=unit-incident]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=tab-detail]").ClickAsync();
            await Assertions.Expect(detail.Locator($"[data-testid=assignment][data-unit='{third}'] .role")).ToHaveTextAsync("增援");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
