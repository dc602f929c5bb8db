using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dispatch.Tests.Security;

/// <summary>
/// Stored script: markup in every string data can carry (an alert's address and description, a category, an area,
/// a unit and an organisation name) shows as literal text on the four pages and their maps, and none of it runs.
/// Each payload sets a global flag or opens a dialog if it ever becomes HTML.
/// </summary>
[NonParallelizable]
public sealed class StoredScriptTests
{
    private const string Unit = "YF-PC01";

    private static string Payload(string field) => $"<img src=x onerror=\"__xss='{field}';alert(1)\">{field}";

    private RunningServer running = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private Guid incidentId;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        (playwright, browser) = await Browser.LaunchAsync();
        using var admin = await running.AsAsync("admin");
        var at = running.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007002003")!;

        // An area drawn around the incident, as an imported GeoJSON might name it.
        var square = string.Format(CultureInfo.InvariantCulture, "[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]",
            at.Lon - 0.002, at.Lat - 0.002, at.Lon + 0.002, at.Lat + 0.002);
        var area = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["code"] = "330102007990", ["name"] = Payload("area") },
                ["geometry"] = JsonNode.Parse($"{{\"type\":\"Polygon\",\"coordinates\":[{square}]}}"),
            }),
        };
        using (var import = await admin.PostAsync("/api/geo/areas/import?level=community&codeProp=code&nameProp=name",
            new StringContent(area.ToJsonString(), Encoding.UTF8, "application/geo+json")))
        {
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());
        }

        var category = (await admin.GetFromJsonAsync<JsonObject>("/api/catalogue/categories/fight"))!;
        category["nameZh"] = Payload("category");
        category["nameEn"] = Payload("category");
        using (var put = await admin.PutAsJsonAsync("/api/catalogue/categories/fight", category))
        {
            Assert.That(put.IsSuccessStatusCode, Is.True, await put.Content.ReadAsStringAsync());
        }

        using (var put = await admin.PutAsJsonAsync("/api/organisations/CG-YUNFENG",
            new { name = Payload("organisation"), type = "UrbanManagement", areaCodes = new[] { "330102007" } }))
        {
            Assert.That(put.IsSuccessStatusCode, Is.True, await put.Content.ReadAsStringAsync());
        }

        // Units are named by the demo data or an import; none has an editing API, so the name is set in the table.
        await using (var connection = await running.Database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE units SET name = '{Payload("unit").Replace("'", "''", StringComparison.Ordinal)}' WHERE code = '{Unit}'";
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        using var platform = running.Machine();
        var alertId = "110-xss-" + Guid.NewGuid().ToString("N")[..8];
        using (var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "fight",
            description = Payload("description"), address = Payload("address"), location = new { lon = at.Lon, lat = at.Lat },
        }))
        {
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        }

        incidentId = IncidentReference.ForAlert(alertId);
        using var operatorSession = await running.AsAsync("operator");
        await Eventually.GetAsync(async () => (await operatorSession.GetAsync($"/api/incidents/{incidentId}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the incident");
        using var dispatch = await operatorSession.PostAsJsonAsync($"/api/incidents/{incidentId}/dispatch", new { units = new[] { new { code = Unit, role = "primary" } } });
        Assert.That(dispatch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await dispatch.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task CommandScreen_ShowsEveryPayloadAsTextOnTheQueueAndTheMap()
    {
        var (page, dialogs) = await OpenAsync("/", "operator");
        var row = page.Locator($"[data-testid=incident-row][data-incident-id='{incidentId}']");
        await Assertions.Expect(row).ToContainTextAsync(Payload("description"), new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync(Payload("address"));
        await Assertions.Expect(row).ToContainTextAsync(Payload("category"));
        await Assertions.Expect(page.Locator("[data-testid=map] .area-label-community", new() { HasText = Payload("area") })).ToHaveCountAsync(1);

        await page.Locator($"[data-testid=map-incident][data-id='{incidentId}']").HoverAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".leaflet-tooltip", new() { HasText = Payload("address") })).ToHaveCountAsync(1);
        await page.Locator($"[data-testid=map-unit][data-id='{Unit}']").HoverAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".leaflet-tooltip", new() { HasText = Payload("unit") })).ToHaveCountAsync(1);

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-detail]")).ToContainTextAsync(Payload("description"));
        await AssertNothingRanAsync(page, dialogs);
    }

    [Test]
    public async Task ResponderPhone_ShowsTheAssignmentAndItsMapAsText()
    {
        var (page, dialogs) = await OpenAsync("/responder.html", "responder");
        var card = page.Locator($"[data-testid=assignment-card][data-incident-id='{incidentId}']");
        await Assertions.Expect(card).ToContainTextAsync(Payload("description"), new() { Timeout = 10_000 });
        await Assertions.Expect(card).ToContainTextAsync(Payload("address"));
        await Assertions.Expect(card.Locator(".area-label-community", new() { HasText = Payload("area") })).ToHaveCountAsync(1);
        await card.Locator("[data-testid=map-incident]").HoverAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".leaflet-tooltip", new() { HasText = Payload("address") })).ToHaveCountAsync(1);
        await AssertNothingRanAsync(page, dialogs);
    }

    [TestCase("/desk.html", "handler")]
    [TestCase("/supervisor.html", "supervisor")]
    public async Task OtherPages_RunNothingFromData(string path, string user)
    {
        if (user == "handler")
        {
            // A task order for the incident: the desk's list shows its category and address, its pane the instructions.
            using var operatorSession = await running.AsAsync("operator");
            using var issued = await operatorSession.PostAsJsonAsync("/api/task-orders", new { incidentId, organisationCode = "CG-YUNFENG", instructions = Payload("instructions") });
            Assert.That(issued.IsSuccessStatusCode, Is.True, await issued.Content.ReadAsStringAsync());
        }

        var (page, dialogs) = await OpenAsync(path, user);
        if (user == "handler")
        {
            var item = page.Locator("[data-testid=task-order-item]", new() { HasText = Payload("instructions") });
            await Assertions.Expect(item.Locator("[data-testid=task-order-about]")).ToHaveTextAsync($"{Payload("category")} · {Payload("address")}");
            await item.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=detail-instructions]")).ToHaveTextAsync(Payload("instructions"));
        }

        if (user == "supervisor")
        {
            await Assertions.Expect(page.Locator("[data-testid=filter-organisation] option", new() { HasText = Payload("organisation") })).ToHaveCountAsync(1);
        }

        await AssertNothingRanAsync(page, dialogs);
    }

    private async Task<(IPage Page, List<string> Dialogs)> OpenAsync(string path, string user)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await Browser.SignInAsync(page, running.Address, path, user);
        return (page, dialogs);
    }

    private static async Task AssertNothingRanAsync(IPage page, List<string> dialogs)
    {
        // No element made from a payload is the proof; the flag and dialogs catch one that ran and removed itself.
        Assert.That(await page.EvaluateAsync<string?>("() => window.__xss ?? null"), Is.Null, "a payload ran");
        Assert.That(dialogs, Is.Empty, "a payload opened a dialog");
        Assert.That(await page.Locator("img[src=x]").CountAsync(), Is.Zero, "a payload became an element");
    }
}
