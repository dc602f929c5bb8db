using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The department desk at <c>/desk.html</c> in a real Chromium: the handler of 城管 (CG-YUNFENG) takes a handed-over
/// task order through accept and completion, and later orders and other people's steps arrive without a refresh.
/// </summary>
[NonParallelizable]
public sealed class DeskPageTests
{
    [Test]
    public async Task HandedOverOrder_IsAcceptedAndCompletedInThePage_AndTheNextArrivesLive()
    {
        await using var running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        using var operatorClient = await running.AsAsync("operator");
        using var handler = await running.AsAsync("handler");
        var firstInstructions = "占道经营未能现场劝离，请城管依法处理 " + Guid.NewGuid().ToString("N")[..4];
        await HandOverAsync(running, operatorClient, "street-vending", 120.2100, 30.2800, firstInstructions);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await page.GotoAsync(new Uri(running.Address, "/desk.html").ToString());
            await CommandPageTests.SignInAsync(page, "handler");
            await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

            var first = page.Locator("[data-testid=task-order-item]", new PageLocatorOptions { HasText = firstInstructions });
            await Assertions.Expect(first).ToHaveAttributeAsync("data-status", "Issued", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            await Assertions.Expect(first.Locator(".due")).ToContainTextAsync("个工作日");
            await first.ClickAsync();
            var status = page.Locator("[data-testid=detail-status]");
            await Assertions.Expect(status).ToHaveTextAsync("待签收");
            await Assertions.Expect(page.Locator("[data-testid=detail-incident]")).ToHaveTextAsync("流动摊贩占道经营 云峰路");

            await page.Locator("[data-testid=action-accept]").ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("办理中");
            await page.Locator("[data-testid=action-complete]").ClickAsync();
            await page.Locator("[data-testid=step-text]").FillAsync("已责令摊主撤离，现场恢复通行");
            await page.Locator("[data-testid=step-submit]").ClickAsync();

            await Assertions.Expect(status).ToHaveTextAsync("已办结");
            await Assertions.Expect(page.Locator("[data-testid=detail-last]")).ToHaveTextAsync("已责令摊主撤离，现场恢复通行");
            await Assertions.Expect(page.Locator("[data-testid=detail-history]")).ToContainTextAsync("办结");
            await Assertions.Expect(first).ToHaveAttributeAsync("data-status", "Completed");
            await Assertions.Expect(page.Locator("[data-testid=action-complete]")).ToBeHiddenAsync();

            // A second order handed over while the handler watches: it appears, first in the list, and is announced.
            var secondInstructions = "夜间施工噪音扰民，请核查施工许可 " + Guid.NewGuid().ToString("N")[..4];
            var secondId = await HandOverAsync(running, operatorClient, "noise", 120.2160, 30.2870, secondInstructions);
            var second = page.Locator("[data-testid=task-order-item]", new PageLocatorOptions { HasText = secondInstructions });
            await Assertions.Expect(second).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-testid=task-order-item]").First).ToHaveAttributeAsync("data-task-order-id", secondId.ToString());
            await Assertions.Expect(page.Locator("[data-testid=announcer]")).ToContainTextAsync(secondInstructions);

            // Another handler of the same organisation accepts it elsewhere: the open pane follows at once.
            await second.ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("待签收");
            Assert.That((await handler.PostAsJsonAsync($"/api/task-orders/{secondId}/accept", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await Assertions.Expect(status).ToHaveTextAsync("办理中", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-testid=action-delay]")).ToBeVisibleAsync();

            // A step the server refuses is explained in the pane in the server's own words.
            await page.Locator("[data-testid=action-delay]").ClickAsync();
            await page.Locator("[data-testid=step-text]").FillAsync("需协调产权单位");
            await page.Locator("[data-testid=step-date]").FillAsync("2020-01-01");
            await page.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=detail-problem]")).ToContainTextAsync("延期后的期限须晚于当前期限");
            await Assertions.Expect(status).ToHaveTextAsync("办理中");

            await Browser.SaveDocScreenshotAsync(page, "desk");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>An alert opens an incident, the operator dispatches a unit and hands the case over to 城管; answers the task order's id.</summary>
    internal static async Task<Guid> HandOverAsync(RunningServer running, HttpClient operatorClient, string category, double lon, double lat, string instructions)
    {
        using var machine = running.Machine();
        var alertId = "110-desk-" + Guid.NewGuid().ToString("N")[..10];
        var sent = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description = "流动摊贩占道经营 云峰路", address = "云峰路88号",
            location = new { lon, lat },
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorClient.GetAsync($"/api/incidents/{incident}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the incident");
        var dispatched = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { code = "YF-PC03", role = "primary" } } });
        Assert.That(dispatched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatched.Content.ReadAsStringAsync());
        var handed = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/hand-over", new { instructions, organisationCode = "CG-YUNFENG" });
        Assert.That(handed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await handed.Content.ReadAsStringAsync());
        return await Eventually.GetValueAsync(async () =>
        {
            var orders = await operatorClient.GetFromJsonAsync<JsonElement>("/api/task-orders");
            return orders.EnumerateArray().Where(o => o.GetProperty("incidentId").GetGuid() == incident)
                .Select(o => (Guid?)o.GetProperty("id").GetGuid()).FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the task order");
    }

}
