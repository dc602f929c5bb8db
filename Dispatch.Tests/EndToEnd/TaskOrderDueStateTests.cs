using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// One task order on the department desk and on the command screen's board, in a real Chromium on a fake clock: both
/// show the server's due state, amber on the due day and red once it has passed, and turn red together without a reload.
/// </summary>
[NonParallelizable]
public sealed class TaskOrderDueStateTests
{
    [Test]
    public async Task DeskAndBoard_OnTheDueDayAndAfterIt_ShowTheSameDueState()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var running = await RunningServer.StartAsync(clock: clock,
            settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        using var operatorClient = await running.AsAsync("operator");
        var instructions = "占道经营，请城管处理 " + Guid.NewGuid().ToString("N")[..4];
        var id = await DeskPageTests.HandOverAsync(running, operatorClient, "street-vending", 120.2100, 30.2800, instructions);
        var order = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/task-orders/{id}")).GetProperty("order");
        Assert.That(order.GetProperty("dueState").GetString(), Is.EqualTo("Ok"));
        var dueAt = order.GetProperty("dueAt").GetDateTimeOffset();

        // 22:00 in Beijing on the due day: its last working day, two hours left (sessions last 12 hours, so sign in now).
        clock.SetUtcNow(dueAt.AddHours(-2).AddSeconds(1));
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var desk = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await desk.GotoAsync(new Uri(running.Address, "/desk.html").ToString());
            await CommandPageTests.SignInAsync(desk, "handler");
            var deskDue = desk.Locator("[data-testid=task-order-item]", new PageLocatorOptions { HasText = instructions }).Locator(".due");
            await Assertions.Expect(deskDue).ToHaveAttributeAsync("data-urgency", "soon", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            await Assertions.Expect(deskDue).ToContainTextAsync("今日到期");

            var command = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
            await command.GotoAsync(running.Address.ToString());
            await CommandPageTests.SignInAsync(command, "operator");
            await command.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            await command.Locator("[data-testid=tab-board]").ClickAsync();
            var boardRow = command.Locator($"[data-testid=task-order][data-task-order-id='{id}']");
            await Assertions.Expect(boardRow).ToHaveAttributeAsync("data-due", "soon", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            await Assertions.Expect(boardRow).ToContainTextAsync("今日到期");

            // Past the due time: the server finds it overdue and pushes the change; both pages turn red on their own.
            await desk.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            clock.Advance(TimeSpan.FromHours(2));
            await Assertions.Expect(deskDue).ToHaveAttributeAsync("data-urgency", "overdue", new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
            await Assertions.Expect(boardRow).ToHaveAttributeAsync("data-due", "overdue", new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
            await Assertions.Expect(boardRow).ToContainTextAsync("已超期");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
