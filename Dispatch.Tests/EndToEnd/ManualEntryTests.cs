using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// 接警录入 on the production setup (PostgreSQL, RabbitMQ, Production): an operator records a call taken by phone —
/// the words, a category suggested as they type, a point picked on the map, the caller's number — and it goes
/// through the same intake path as the 110 platform's alerts, opening in the detail once its incident exists.
/// </summary>
[NonParallelizable]
public sealed class ManualEntryTests
{
    private const string OperatorPassword = "manual-operator-secret-1";

    [Test]
    public async Task OperatorEntersACall_SuggestedCategory_PointOnTheMap_OpensAsAnIncident()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-wu", "值班 吴二", OperatorPassword);
        var server = install.Server.Address;

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
            await Browser.SignInAsync(page, server, "/", "duty-wu", OperatorPassword);

            await page.Locator("[data-testid=manual-entry]").ClickAsync();
            var dialog = page.Locator("[data-testid=manual-dialog]");
            await dialog.Locator("[data-testid=manual-description]").FillAsync("我的电动车在楼下被偷了");
            await Assertions.Expect(dialog.Locator("[data-testid=manual-suggestion]")).ToContainTextAsync("盗窃", new() { Timeout = 10_000 });
            await Assertions.Expect(dialog.Locator("[data-testid=manual-category]")).ToHaveValueAsync("theft");
            await dialog.Locator("[data-testid=manual-address]").FillAsync("云峰路18号");
            // The map fits the street; its middle is inside it.
            var map = dialog.Locator("[data-testid=manual-map]");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-areas", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 10_000 });
            await map.ClickAsync();
            var where = dialog.Locator("[data-testid=manual-location]");
            await Assertions.Expect(where).ToHaveAttributeAsync("data-lat", new System.Text.RegularExpressions.Regex(@"^30\."));
            await dialog.Locator("[data-testid=manual-phone]").FillAsync("13700001234");
            await dialog.Locator("[data-testid=manual-submit]").ClickAsync();

            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            var detail = page.Locator("[data-testid=incident-detail]");
            await Assertions.Expect(detail.Locator("[data-testid=caller]")).ToContainTextAsync("我的电动车在楼下被偷了", new() { Timeout = 10_000 });
            await Assertions.Expect(detail.Locator("[data-testid=caller]")).ToContainTextAsync("137****1234");

            using var admin = await Session.SignInAsync(server, ProductionInstall.AdminUser, ProductionInstall.AdminPassword);
            var list = await admin.GetFromJsonAsync<JsonElement>("/api/incidents");
            var incident = list.GetProperty("items").EnumerateArray().Single();
            Assert.That(incident.GetProperty("categoryCode").GetString(), Is.EqualTo("theft"));
            Assert.That(incident.GetProperty("location").ValueKind, Is.EqualTo(JsonValueKind.Object), "the point picked on the map");
            var entered = await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident.GetProperty("id").GetGuid()}");
            Assert.That(entered.GetProperty("alerts")[0].GetProperty("source").GetString(), Is.EqualTo("manual"));
            Assert.That(entered.GetProperty("alerts")[0].GetProperty("alertId").GetString(), Does.StartWith("manual-"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
