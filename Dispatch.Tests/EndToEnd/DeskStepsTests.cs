using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// Every task-order step in the desk page, on the production setup (PostgreSQL, RabbitMQ, Production), each person
/// seeing only the buttons the server offers them: the 城管 handler asks for more time and the supervisor approves it;
/// the operator records the citizen's 不满意, sends the work back (返工), records 满意 and closes it, and gives a
/// returned order to the market regulator (改派); the supervisor's 满意率 then shows a figure.
/// </summary>
[NonParallelizable]
public sealed class DeskStepsTests
{
    private const string Password = "desk-steps-secret-1";
    private const string Grid = "330102007001001";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Test]
    public async Task EveryStep_IsTakenInThePage_ByWhoeverTheServerOffersItTo()
    {
        await using var install = await ProductionInstall.WithOperatorAsync("duty-wang", "值班 王五", Password,
            new Dictionary<string, string> { ["Security:LoginAttemptsPerMinute"] = "1000" });
        await install.AddUserAsync("cg-zhao", "DepartmentHandler", "CG-YUNFENG", "城管中队 赵六", Password);
        await install.AddUserAsync("du-sun", "Supervisor", "330102", "督查员 孙七", Password);
        var server = install.Server.Address;
        using var operatorApi = await Session.SignInAsync(server, "duty-wang", Password);
        using var handlerApi = await Session.SignInAsync(server, "cg-zhao", Password);
        using var platform = Session.WithApiKey(server, install.PlatformKey);

        var vending = await IssueAsync(platform, operatorApi, "street-vending", "云峰路12号", "流动摊贩占道经营，请依法规范");
        var noise = await IssueAsync(platform, operatorApi, "noise", "云峰路34号", "广场舞音响扰民，请劝导");
        var building = await IssueAsync(platform, operatorApi, "illegal-building", "云峰路56号", "楼顶加盖阳光房，请核查");

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var handler = await PageAsync(browser, server, "cg-zhao");
            var supervisor = await PageAsync(browser, server, "du-sun");
            var operatorPage = await PageAsync(browser, server, "duty-wang");

            // The handler's list says what each order is about and where, and how long is left.
            var vendingItem = Item(handler, vending.Id);
            await Assertions.Expect(vendingItem.Locator("[data-testid=task-order-about]")).ToHaveTextAsync("占道经营 · 云峰路12号", new() { Timeout = 15_000 });
            await Assertions.Expect(vendingItem.Locator(".due")).ToContainTextAsync("个工作日");

            // 延期: the handler accepts and asks for a week more; only the supervisor is offered the decision.
            await vendingItem.ClickAsync();
            await Step(handler, "accept");
            await Assertions.Expect(Status(handler)).ToHaveTextAsync("办理中");
            await Step(handler, "delay");
            await handler.Locator("[data-testid=step-text]").FillAsync("需协调产权单位");
            await handler.Locator("[data-testid=step-date]").FillAsync(vending.DueAt.ToOffset(China).AddDays(7).ToString("yyyy-MM-dd"));
            await handler.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(Status(handler)).ToHaveTextAsync("延期待批");
            await Assertions.Expect(handler.Locator("[data-testid=action-approve-delay]")).ToBeHiddenAsync();

            await Item(supervisor, vending.Id).ClickAsync();
            await Assertions.Expect(Status(supervisor)).ToHaveTextAsync("延期待批", new() { Timeout = 15_000 });
            await Assertions.Expect(supervisor.Locator("[data-testid=action-complete]")).ToBeHiddenAsync();
            await Assertions.Expect(supervisor.Locator("[data-testid=action-reject-delay]")).ToBeVisibleAsync();
            await supervisor.Locator("[data-testid=lang-toggle]").ClickAsync();
            await Assertions.Expect(supervisor.Locator("[data-testid=action-approve-delay]")).ToHaveTextAsync("Approve delay");
            await supervisor.Locator("[data-testid=lang-toggle]").ClickAsync();
            await Step(supervisor, "approve-delay");
            await Assertions.Expect(Status(supervisor)).ToHaveTextAsync("办理中");
            await Assertions.Expect(supervisor.Locator("[data-testid=action-approve-delay]")).ToBeHiddenAsync();
            // The handler's open pane follows, live.
            await Assertions.Expect(Status(handler)).ToHaveTextAsync("办理中", new() { Timeout = 15_000 });
            await Assertions.Expect(handler.Locator("[data-testid=detail-history]")).ToContainTextAsync("批准延期");

            // A second request, from another desk, reaches the supervisor's open pane live; this one is rejected with a reason.
            var again = await handlerApi.PostAsJsonAsync($"/api/task-orders/{vending.Id}/request-delay",
                new { reason = "产权单位仍未答复", newDueAt = vending.DueAt.AddDays(21).ToString("O") });
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
            await Assertions.Expect(Status(supervisor)).ToHaveTextAsync("延期待批", new() { Timeout = 15_000 });
            await Step(supervisor, "reject-delay");
            await supervisor.Locator("[data-testid=step-text]").FillAsync("请先按期处置，确需延期另行说明");
            await supervisor.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(Status(supervisor)).ToHaveTextAsync("办理中");
            await Assertions.Expect(supervisor.Locator("[data-testid=detail-history]")).ToContainTextAsync("驳回延期");

            // 回访评价 不满意 → 返工 → done again → 满意 → 结案, by the operator; the handler is offered none of it.
            await CompleteAsync(handlerApi, noise.Id, "已劝导停止使用音响");
            await Item(operatorPage, noise.Id).ClickAsync();
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已办结", new() { Timeout = 15_000 });
            await Evaluate(operatorPage, "Dissatisfied", "晚上仍有音响");
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已回访");
            await Assertions.Expect(operatorPage.Locator("[data-testid=detail-last]")).ToContainTextAsync("不满意");
            await Step(operatorPage, "reopen");
            await operatorPage.Locator("[data-testid=step-text]").FillAsync("群众反映夜间仍扰民");
            await operatorPage.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("返工");
            await CompleteAsync(handlerApi, noise.Id, "已约谈广场舞队，限定音量和时段");
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已办结", new() { Timeout = 15_000 });
            await Evaluate(operatorPage, "Satisfied", null);
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已回访");
            await Assertions.Expect(operatorPage.Locator("[data-testid=action-reopen]")).ToBeHiddenAsync();
            await Step(operatorPage, "close");
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已结案");
            await Assertions.Expect(operatorPage.Locator("[data-testid=detail-history]")).ToContainTextAsync(new Regex("回访评价 · \\S+ · 满意"));

            // 改派: the handler returns an order; the operator gives it to another organisation from a list without 城管.
            var returned = await handlerApi.PostAsJsonAsync($"/api/task-orders/{building.Id}/return", new { reason = "属违建认定，非本队职责" });
            Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await returned.Content.ReadAsStringAsync());
            await Item(operatorPage, building.Id).ClickAsync();
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("已退回", new() { Timeout = 15_000 });
            await Step(operatorPage, "reassign");
            // The directory's other organisations, after the empty first choice.
            var organisations = operatorPage.Locator("[data-testid=step-organisation] option:not([value=''])");
            await Assertions.Expect(organisations.First).ToBeAttachedAsync();
            await Assertions.Expect(operatorPage.Locator("[data-testid=step-organisation] option[value=CG-YUNFENG]")).ToHaveCountAsync(0);
            await operatorPage.Locator("[data-testid=step-organisation]").SelectOptionAsync("SJ-YUNFENG");
            await operatorPage.Locator("[data-testid=step-text]").FillAsync("改派市场监管所核查");
            await operatorPage.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(Status(operatorPage)).ToHaveTextAsync("待签收");
            await Assertions.Expect(Item(operatorPage, building.Id)).ToContainTextAsync("云峰市场监管所");
            await Browser.SaveDocScreenshotAsync(operatorPage, "desk-steps");

            // The evaluations count: 满意率 is a figure (one 满意 of two answers), not a dash.
            await supervisor.GotoAsync(new Uri(server, "/supervisor.html").ToString());
            var satisfaction = supervisor.Locator("[data-testid=assessment-row][data-code=CG-YUNFENG] td").Nth(5);
            await Assertions.Expect(satisfaction).ToHaveTextAsync("50%", new() { Timeout = 15_000 });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private sealed record Order(Guid Id, DateTimeOffset DueAt);

    private static async Task<IPage> PageAsync(IBrowser browser, Uri server, string user)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, server, "/desk.html", user, Password);
        return page;
    }

    private static ILocator Item(IPage page, Guid id) => page.Locator($"[data-testid=task-order-item][data-task-order-id='{id}']");

    private static ILocator Status(IPage page) => page.Locator("[data-testid=detail-status]");

    private static Task Step(IPage page, string step) => page.Locator($"[data-testid=action-{step}]").ClickAsync();

    private static async Task Evaluate(IPage page, string rating, string? comment)
    {
        await Step(page, "evaluate");
        await page.Locator("[data-testid=step-rating]").SelectOptionAsync(rating);
        await page.Locator("[data-testid=step-text]").FillAsync(comment ?? "");
        await page.Locator("[data-testid=step-submit]").ClickAsync();
    }

    /// <summary>The handler's 签收 and 办结 over HTTP, as another desk would.</summary>
    private static async Task CompleteAsync(HttpClient handler, Guid id, string result)
    {
        Assert.That((await handler.PostAsJsonAsync($"/api/task-orders/{id}/accept", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var completed = await handler.PostAsJsonAsync($"/api/task-orders/{id}/complete", new { result });
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
    }

    /// <summary>A call through the 110 platform opens an incident; the operator issues a task order for it to 城管 by hand.</summary>
    private static async Task<Order> IssueAsync(HttpClient platform, HttpClient operatorApi, string category, string address, string instructions)
    {
        var (lon, lat) = ProductionInstall.PointInGrid(Grid);
        var alertId = "110-desk-steps-" + Guid.NewGuid().ToString("N")[..8];
        var sent = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description = instructions, address, location = new { lon, lat },
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await sent.Content.ReadAsStringAsync());
        var incident = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorApi.GetAsync($"/api/incidents/{incident}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(15), "the incident");
        var issued = await operatorApi.PostAsJsonAsync("/api/task-orders", new { incidentId = incident, organisationCode = "CG-YUNFENG", instructions });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var order = await issued.Content.ReadFromJsonAsync<JsonElement>();
        return new Order(order.GetProperty("id").GetGuid(), order.GetProperty("dueAt").GetDateTimeOffset());
    }
}
