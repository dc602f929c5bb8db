using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// <c>/responder.html</c> on a phone-sized Chromium with touch and a granted position: the demo responder (unit
/// YF-PC01) signs on, receives a dispatch without a reload, steps through it, shares the position, and cannot sign off
/// with the work open.
/// </summary>
[NonParallelizable]
public sealed class ResponderPageTests
{
    private const string Unit = "YF-PC01";

    // Near the unit's station in 云峰; the position the phone reports.
    private static readonly Geolocation Phone = new() { Latitude = 30.28101f, Longitude = 120.21077f, Accuracy = 15 };

    private RunningServer running = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private HttpClient operatorSession = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        operatorSession = await running.AsAsync("operator");
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        operatorSession.Dispose();
        await browser.DisposeAsync();
        playwright.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task Responder_WhenDispatched_SeesTheCardLiveStepsThroughItAndCannotSignOffWithWorkOpen()
    {
        // Off duty to begin with, whatever the seed says, so the page's own button signs on.
        using (var off = await operatorSession.PostAsJsonAsync($"/api/units/{Unit}/duty", new { onDuty = false }))
        {
            Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.OK), await off.Content.ReadAsStringAsync());
        }

        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(running.Address, "/responder.html").ToString());
        await CommandPageTests.SignInAsync(page, "responder");
        await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        var duty = page.Locator("[data-testid=duty-state]");
        await Assertions.Expect(duty).ToHaveAttributeAsync("data-on-duty", "false");
        await Assertions.Expect(page.Locator("[data-testid=location-state]")).ToHaveAttributeAsync("data-state", "off");

        await page.Locator("[data-testid=duty-toggle]").ClickAsync();
        await Assertions.Expect(duty).ToHaveAttributeAsync("data-on-duty", "true");
        await Assertions.Expect(duty).ToContainTextAsync("在岗");
        await Assertions.Expect(page.Locator("[data-testid=location-state]")).ToHaveAttributeAsync("data-state", "sharing", new() { Timeout = 10_000 });
        var position = await Eventually.GetValueAsync(async () =>
        {
            var unit = await operatorSession.GetFromJsonAsync<JsonElement>($"/api/units/{Unit}");
            return unit.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Object && Math.Abs(p.GetProperty("lat").GetDouble() - Phone.Latitude) < 1e-5
                ? (JsonElement?)p
                : null;
        }, TimeSpan.FromSeconds(10), "the phone's position on the unit");
        Assert.That(position.GetProperty("lon").GetDouble(), Is.EqualTo(Phone.Longitude).Within(1e-5));

        var incidentId = await OpenIncidentAsync("饭店门口两人互殴，有人受伤");
        using (var dispatch = await operatorSession.PostAsJsonAsync($"/api/incidents/{incidentId}/dispatch", new { units = new[] { new { code = Unit, role = "primary" } } }))
        {
            Assert.That(dispatch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatch.Content.ReadAsStringAsync());
        }

        var card = page.Locator($"[data-testid=assignment-card][data-incident-id='{incidentId}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(page.Locator("[data-testid=new-assignment-banner]")).ToContainTextAsync("新派单");
        await Assertions.Expect(card).ToContainTextAsync("饭店门口两人互殴，有人受伤");
        await Assertions.Expect(card.Locator("[data-testid=assignment-map]")).ToHaveAttributeAsync("data-lat", new System.Text.RegularExpressions.Regex(@"^30\.\d+"));
        await Assertions.Expect(card.Locator("[data-testid=assignment-map] [data-testid=map-incident]")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator("[data-testid=assignment-map] .area-label-community").First).ToBeVisibleAsync();
        // Navigation in the datum each app expects: AMap GCJ-02 (lon first), Baidu BD-09, the geo: URI WGS-84.
        Assert.That(await card.Locator("[data-testid=navigate-amap]").GetAttributeAsync("href"), Does.StartWith("https://uri.amap.com/navigation?to=120.").And.Contain("coordinate=gaode"));
        Assert.That(await card.Locator("[data-testid=navigate-baidu]").GetAttributeAsync("href"), Does.StartWith("https://api.map.baidu.com/marker?location=30.").And.Contain("coord_type=bd09ll"));
        Assert.That(await card.Locator("[data-testid=navigate-apple]").GetAttributeAsync("href"), Does.StartWith("https://maps.apple.com/?daddr=30."));
        Assert.That(await card.Locator("[data-testid=navigate-geo]").GetAttributeAsync("href"), Does.StartWith("geo:30."));
        await Assertions.Expect(card.Locator("[data-testid=navigate-amap]")).ToHaveTextAsync("高德地图");
        Assert.That(await card.Locator("button.step").AllInnerTextsAsync(), Is.EqualTo(new[] { "签收", "拒绝" }), "only the next allowed steps");
        var acknowledge = card.Locator("[data-testid=step-acknowledge]");
        Assert.That((await acknowledge.BoundingBoxAsync())!.Height, Is.GreaterThanOrEqualTo(48), "a button for a thumb");
        await page.Locator("[data-testid=new-assignment-dismiss]").ClickAsync();

        foreach (var (step, state) in new[] { ("acknowledge", "Acknowledged"), ("en-route", "EnRoute"), ("on-scene", "OnScene") })
        {
            await card.Locator($"[data-testid=step-{step}]").TapAsync();
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", state);
            var seen = await OperatorsAssignmentStateAsync(incidentId);
            Assert.That(seen, Is.EqualTo(state), "the operator's API shows the step");
        }

        Assert.That(await card.Locator("button.step").AllInnerTextsAsync(), Is.EqualTo(new[] { "办结", "请求增援", "移交部门" }));

        await page.Locator("[data-testid=duty-toggle]").ClickAsync();
        var refusal = page.Locator("[data-testid=duty-error]");
        await Assertions.Expect(refusal).ToContainTextAsync("尚有任务");
        await Assertions.Expect(refusal).ToContainTextAsync("处置完毕后才能下班");
        Assert.That(await refusal.InnerTextAsync(), Does.Not.Contain("clear the assignment"), "one language at a time");
        await Assertions.Expect(duty).ToHaveAttributeAsync("data-on-duty", "true");
        await Browser.SaveDocScreenshotAsync(page, "responder");
    }

    [Test]
    public async Task List_UntilItsFirstReadAnswers_SaysItIsLoading_NotThatThereIsNoWork()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        // The phone's first read of its list is held until the test lets it go: a slow network, on purpose.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/assignments/mine", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(running.Address, "/responder.html").ToString());
        await CommandPageTests.SignInAsync(page, "responder");

        var loading = page.Locator("p.loading");
        await Assertions.Expect(loading).ToBeVisibleAsync();
        await Assertions.Expect(loading).ToHaveTextAsync("正在读取派单…");
        await Assertions.Expect(page.Locator("p.empty")).ToBeHiddenAsync();

        release.SetResult();
        await Assertions.Expect(page.Locator("[data-testid=assignment-list]")).ToHaveAttributeAsync("data-loaded", "true");
        await Assertions.Expect(loading).ToBeHiddenAsync();
    }

    [Test]
    public async Task Page_WhenTheNetworkIsGone_OpensFromTheCacheSaysItIsOffline_AndRecoversByItself()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(running.Address, "/responder.html").ToString());
        Assert.That(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(r => !!r.active)"), Is.True, "the shell worker is installed");
        var manifest = await page.EvaluateAsync<JsonElement>("fetch('/responder.webmanifest').then(r => r.json())");
        Assert.That(manifest.GetProperty("start_url").GetString(), Is.EqualTo("/responder.html"));

        await CommandPageTests.SignInAsync(page, "responder");
        await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        var banner = page.Locator("[data-testid=offline-banner]");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("离线");
        await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveAttributeAsync("data-state", "disconnected");
        // Signed in already: no network is no reason to ask for the password.
        await Assertions.Expect(page.Locator("[data-testid=waiting-for-network]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=login]")).ToBeHiddenAsync();

        // The network returns: the page carries on by itself, without a reload or a sign-in.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("[data-testid=connection-state]")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await Assertions.Expect(banner).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=waiting-for-network]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=duty-state]")).ToBeVisibleAsync();
    }

    private Task<IBrowserContext> PhoneAsync() => browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Geolocation = Phone,
        Permissions = ["geolocation"],
        Locale = "zh-CN",
    });

    /// <summary>Posts an alert in the responder's area and answers its incident once it is open.</summary>
    private async Task<Guid> OpenIncidentAsync(string description)
    {
        using var platform = running.Machine();
        var at = running.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007002003")!;
        var alertId = "110-phone-" + Guid.NewGuid().ToString("N")[..8];
        using var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fight", description, address = "杭州市上城区云峰路1号",
            location = new { lon = at.Lon, lat = at.Lat },
        });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await operatorSession.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(10), "the incident");
        return id;
    }

    private async Task<string?> OperatorsAssignmentStateAsync(Guid incidentId)
    {
        var detail = await operatorSession.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}");
        return detail.GetProperty("assignments").EnumerateArray()
            .Where(a => a.GetProperty("unitCode").GetString() == Unit)
            .Select(a => a.GetProperty("state").GetString())
            .FirstOrDefault();
    }
}
