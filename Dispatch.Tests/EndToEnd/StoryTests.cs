using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// The whole story in real Chromium on the production setup — PostgreSQL, RabbitMQ, the server as its own process
/// in Production, installed through the CLI and API as an installer would (<see cref="ProductionInstall"/>) — each
/// role in its own browser context, nobody pressing refresh: an alert reaches the operator's screen, the operator
/// dispatches, the responder acknowledges on a phone, a clock is missed, the responder hands the case over to 城管,
/// the handler completes it and the supervisor sees it assessed.
/// </summary>
[NonParallelizable]
public sealed class StoryTests
{
    private const string OperatorPassword = "story-operator-secret-1";
    private const string ResponderPassword = "story-responder-secret-1";
    private const string HandlerPassword = "story-handler-secret-1";
    private const string SupervisorPassword = "story-supervisor-secret-1";
    private const string SceneGrid = "330102007002003";

    [Test]
    public async Task AlertToAssessment_EveryRoleInTheBrowser_NoRefresh()
    {
        await using var install = await ProductionInstall.OnNewDatabaseAsync();
        // The operator dispatches by hand in this story: a centre's own choice of setting.
        await install.StartServerAsync(new Dictionary<string, string> { ["Dispatch:AutoDispatch"] = "false" });
        await install.ImportReferenceDataAsync();
        await install.AddUserAsync("duty-zhang", "Operator", "330102007", "值班 张三", OperatorPassword);
        await install.AddUserAsync("yf-wang", "Responder", "YF-PC01", "民警 王五", ResponderPassword);
        await install.AddUserAsync("cg-zhao", "DepartmentHandler", "CG-YUNFENG", "城管中队 赵六", HandlerPassword);
        await install.AddUserAsync("du-sun", "Supervisor", "330102", "督查员 孙七", SupervisorPassword);
        var server = install.Server.Address;

        // No fake clock in a server of its own: the missed clock is a real one. The admin shortens the brawl's
        // arrive clock to its minimum (1 minute from the call) through the catalogue, as a centre would tune it.
        // That is the eighth sign-in from this address; the responder and the operator make ten, the limit a minute,
        // and the handler and the supervisor sign in after the breach, at least a minute later.
        using (var admin = await Session.SignInAsync(server, ProductionInstall.AdminUser, ProductionInstall.AdminPassword))
        {
            var fight = (await admin.GetFromJsonAsync<JsonObject>("/api/catalogue/categories/fight"))!;
            fight["response"]!["arriveMinutes"] = 1;
            var tuned = await admin.PutAsJsonAsync("/api/catalogue/categories/fight", fight);
            Assert.That(tuned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await tuned.Content.ReadAsStringAsync());
        }

        // A point inside the scene's grid, from the same file the installer imported.
        var scene = ProductionInstall.PointInGrid(SceneGrid);

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var desk = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" };
            var operatorPage = await (await browser.NewContextAsync(desk)).NewPageAsync();
            var phone = await (await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                Geolocation = new Geolocation { Latitude = (float)scene.Lat, Longitude = (float)scene.Lon, Accuracy = 10 },
                Permissions = ["geolocation"],
                Locale = "zh-CN",
            })).NewPageAsync();

            // The responder comes on duty; the phone shares where it is. An imported unit starts on duty, so the
            // responder signs the car off first from the phone (no other sign-in to spare), and the story starts at signing on.
            await Browser.SignInAsync(phone, server, "/responder.html", "yf-wang", ResponderPassword);
            await Assertions.Expect(phone.Locator("[data-testid=duty-state]")).ToHaveAttributeAsync("data-on-duty", "true");
            await phone.Locator("[data-testid=duty-toggle]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-testid=duty-state]")).ToHaveAttributeAsync("data-on-duty", "false");
            await phone.Locator("[data-testid=duty-toggle]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-testid=duty-state]")).ToHaveAttributeAsync("data-on-duty", "true");
            await Assertions.Expect(phone.Locator("[data-testid=location-state]")).ToHaveAttributeAsync("data-state", "sharing", new() { Timeout = 10_000 });
            await Browser.SignInAsync(operatorPage, server, "/", "duty-zhang", OperatorPassword);

            // 1. An alert is posted by the 110 platform with its key; it is on the operator's screen within a second.
            var alertId = "110-story-" + Guid.NewGuid().ToString("N")[..8];
            var incident = IncidentReference.ForAlert(alertId);
            using var platform = Session.WithApiKey(server, install.PlatformKey);
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fight",
                description = "菜场门口两名摊主因占道发生争执，推搡中", address = "杭州市上城区云峰路18号菜场", callerPhone = "13900001111",
                location = new { lon = scene.Lon, lat = scene.Lat },
            });
            var sent = Stopwatch.StartNew();
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
            var row = operatorPage.Locator($"[data-testid=incident-row][data-incident-id='{incident}']");
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 1_000 });
            TestContext.Out.WriteLine($"On the operator's screen {sent.ElapsedMilliseconds} ms after intake answered.");
            await Assertions.Expect(operatorPage.Locator($"[data-testid=map-incident][data-id='{incident}']")).ToHaveCountAsync(1);

            // 2. The operator opens it and dispatches the responder's car in one click.
            await row.ClickAsync();
            var detail = operatorPage.Locator("[data-testid=incident-detail]");
            await Assertions.Expect(detail.Locator("[data-testid=caller]")).ToContainTextAsync("两名摊主因占道发生争执");
            var car = detail.Locator("[data-testid=recommendation][data-unit=YF-PC01]");
            await car.Locator("[data-testid=dispatch]").ClickAsync();
            var assignment = detail.Locator("[data-testid=assignment][data-unit=YF-PC01]");
            await Assertions.Expect(assignment).ToHaveAttributeAsync("data-state", "Dispatched");

            // 3. The phone rings; the responder acknowledges and the operator's screen follows without a refresh.
            var card = phone.Locator($"[data-testid=assignment-card][data-incident-id='{incident}']");
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Assertions.Expect(phone.Locator("[data-testid=new-assignment-banner]")).ToBeVisibleAsync();
            await Browser.SaveDocScreenshotAsync(phone, "story-responder");
            await card.Locator("[data-testid=step-acknowledge]").ClickAsync();
            await Assertions.Expect(assignment).ToHaveAttributeAsync("data-state", "Acknowledged", new() { Timeout = 5_000 });
            await Assertions.Expect(row.Locator("[data-testid=incident-clocks] .clock-chip[data-kind=Respond]")).ToHaveAttributeAsync("data-state", "Met");
            await card.Locator("[data-testid=step-en-route]").ClickAsync();
            await Assertions.Expect(assignment).ToHaveAttributeAsync("data-state", "EnRoute", new() { Timeout = 5_000 });

            // The caller's number: masked on the operator's screen until asked for; the primary responder calls from
            // the card. Both reads are on the incident's timeline.
            var caller = detail.Locator("[data-testid=caller]").First;
            await Assertions.Expect(caller).ToContainTextAsync("139****1111");
            await caller.Locator("[data-testid=reveal-phone]").ClickAsync();
            await Assertions.Expect(caller.Locator("[data-testid=caller-tel]")).ToHaveAttributeAsync("href", "tel:13900001111");
            await card.Locator("[data-testid=call-caller]").ClickAsync();
            await Assertions.Expect(card.Locator("[data-testid=caller-tel]")).ToHaveAttributeAsync("href", "tel:13900001111");

            // 4. The car is not on scene within the (tuned) minute of the call: the alarm goes off on the operator's
            // screen. Real time passes here, so the breach is awaited for as long as the clock runs, plus the sweep.
            await Assertions.Expect(row.Locator("[data-testid=incident-clocks] .clock-chip[data-kind=Arrive]"))
                .ToHaveAttributeAsync("data-state", "Breached", new() { Timeout = 90_000 });
            var alarm = operatorPage.Locator("[data-testid=alarm-list]");
            await Assertions.Expect(alarm).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Assertions.Expect(alarm).ToContainTextAsync("到场");
            await Browser.SaveDocScreenshotAsync(operatorPage, "story-alarm");
            await alarm.Locator("[data-testid=alarm-ack-all]").ClickAsync();
            await Assertions.Expect(alarm).ToBeHiddenAsync();

            // 5. On scene the stall-holders will not settle: the responder hands the case over to 城管 from the phone ...
            await card.Locator("[data-testid=step-on-scene]").ClickAsync();
            await Assertions.Expect(assignment).ToHaveAttributeAsync("data-state", "OnScene", new() { Timeout = 5_000 });
            var handlerPage = await (await browser.NewContextAsync(desk)).NewPageAsync();
            await Browser.SignInAsync(handlerPage, server, "/desk.html", "cg-zhao", HandlerPassword);
            var instructions = "占道纠纷现场未能调解，请城管依法规范摊位 " + alertId[^4..];
            // The reinforcement and result dialogs ask for a sentence only: no organisation list, empty or not.
            foreach (var step in new[] { "reinforce", "resolve" })
            {
                await card.Locator($"[data-testid=step-{step}]").ClickAsync();
                await Assertions.Expect(phone.Locator("[data-testid=reason-input]")).ToBeVisibleAsync();
                await Assertions.Expect(phone.Locator("[data-testid=reason-organisation]")).ToBeHiddenAsync();
                await phone.Locator("[data-testid=reason-cancel]").ClickAsync();
            }

            await card.Locator("[data-testid=step-hand-over]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-testid=reason-organisation]")).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("[data-testid=reason-organisation] option")).Not.ToHaveCountAsync(0); // the hand-over lists the departments
            await phone.Locator("[data-testid=reason-organisation]").SelectOptionAsync("CG-YUNFENG");
            await phone.Locator("[data-testid=reason-input]").FillAsync(instructions);
            await phone.Locator("[data-testid=reason-submit]").ClickAsync();
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Cleared", new() { Timeout = 5_000 });
            await Assertions.Expect(detail.Locator("[data-testid=detail-status]")).ToHaveAttributeAsync("data-status", "Closed", new() { Timeout = 5_000 });

            // ... which appears on the department desk without a refresh, and the handler accepts and completes it.
            var order = handlerPage.Locator("[data-testid=task-order-item]", new() { HasText = instructions });
            await Assertions.Expect(order).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await order.ClickAsync();
            await handlerPage.Locator("[data-testid=action-accept]").ClickAsync();
            await Assertions.Expect(handlerPage.Locator("[data-testid=detail-status]")).ToHaveTextAsync("办理中");
            await handlerPage.Locator("[data-testid=action-complete]").ClickAsync();
            await handlerPage.Locator("[data-testid=step-text]").FillAsync("已约谈双方摊主，划定摊位界线，现场恢复通行");
            await handlerPage.Locator("[data-testid=step-submit]").ClickAsync();
            await Assertions.Expect(handlerPage.Locator("[data-testid=detail-status]")).ToHaveTextAsync("已办结");
            await Browser.SaveDocScreenshotAsync(handlerPage, "story-desk");
            await Assertions.Expect(detail.Locator("[data-testid=detail-timeline]")).ToContainTextAsync("移交部门");

            // 6. The supervisor sees the missed clock and 城管's on-time completion in today's assessment.
            var supervisorPage = await (await browser.NewContextAsync(desk)).NewPageAsync();
            await Browser.SignInAsync(supervisorPage, server, "/supervisor.html", "du-sun", SupervisorPassword);
            await Assertions.Expect(supervisorPage.Locator($"[data-testid=breach-row][data-incident-id='{incident}'][data-kind=arrive]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            var cg = supervisorPage.Locator("[data-testid=assessment-row][data-code=CG-YUNFENG]");
            await Assertions.Expect(cg).ToContainTextAsync("100%", new() { Timeout = 10_000 });
            await Browser.SaveDocScreenshotAsync(supervisorPage, "story-supervisor");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
