using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// The classifier as a running server uses it: the model it reports, the keyword fallback it admits to in
/// /readyz when the model file is missing, urgent triage first in the queue, and operators' corrections exported.
/// </summary>
[NonParallelizable]
public sealed class ClassifierServerTests
{
    private RunningServer withModel = null!;
    private RunningServer withoutModel = null!;
    private DirectoryInfo emptyFolder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        emptyFolder = Directory.CreateTempSubdirectory("dispatch-no-model-");
        withModel = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Dispatch:AutoDispatch"] = "false" });
        withoutModel = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Dispatch:AutoDispatch"] = "false",
            ["Routing:ModelPath"] = emptyFolder.FullName,
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await withModel.DisposeAsync();
        await withoutModel.DisposeAsync();
        emptyFolder.Delete(recursive: true);
    }

    [Test]
    public async Task Model_ShowsTheVersionTrainingAndFigures()
    {
        using var operatorOnDuty = await withModel.AsAsync("operator");

        var model = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/catalogue/model");

        Assert.That(model.GetProperty("inUse").GetString(), Is.EqualTo("model"));
        var info = model.GetProperty("model");
        Assert.That(info.GetProperty("version").GetString(), Does.Match(@"^\d{8}-[0-9a-f]{10}$"));
        Assert.That(info.GetProperty("corpusSize").GetInt32(), Is.GreaterThanOrEqualTo(2000));
        Assert.That(info.GetProperty("evaluation").GetProperty("kindAccuracy").GetDouble(), Is.GreaterThan(0.85));
        var ready = await withModel.Http.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.That(Check(ready, "classifier").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task WithoutTheModelFile_ReadinessIsDegradedAndAnswersSayKeywords()
    {
        using var operatorOnDuty = await withoutModel.AsAsync("operator");

        var ready = await withoutModel.Http.GetAsync("/readyz");
        var answer = await operatorOnDuty.PostAsJsonAsync("/api/catalogue/classify", new { description = "楼下烧烤店油烟太大" });
        var model = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/catalogue/model");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the node still works, by keywords");
        var check = Check(await ready.Content.ReadFromJsonAsync<JsonElement>(), "classifier");
        Assert.That(check.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(check.GetProperty("detail").GetString(), Does.Contain("keywords"));
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("reasons")[0].GetString(), Does.Contain("keyword scoring"));
        Assert.That(model.GetProperty("inUse").GetString(), Is.EqualTo("keywords"));
    }

    [Test]
    public async Task UrgentTriage_IsFirstInTheQueueWithPriorityOneAndRunningClocks()
    {
        using var operatorOnDuty = await withoutModel.AsAsync("operator");
        using var platform = withoutModel.Machine();
        var place = withoutModel.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007004001")!;
        var unclear = await SendAsync(platform, operatorOnDuty, "来电人说有事情要反映，没说清楚", place);
        var cry = await SendAsync(platform, operatorOnDuty, "救命啊，快来人", place);

        var queue = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/triage?pageSize=200");
        var ids = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var detail = await operatorOnDuty.GetFromJsonAsync<JsonElement>($"/api/incidents/{cry}");

        Assert.That(ids.IndexOf(cry), Is.LessThan(ids.IndexOf(unclear)), "the later but urgent one comes first");
        var incident = detail.GetProperty("incident");
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("NeedsTriage"));
        Assert.That(incident.GetProperty("priority").GetInt32(), Is.EqualTo(1));
        Assert.That(incident.GetProperty("routing").GetProperty("urgent").GetBoolean(), Is.True);
        Assert.That(detail.GetProperty("clocks").EnumerateArray().Select(c => c.GetProperty("state").GetString()), Has.Some.EqualTo("Running"));
    }

    [Test]
    public async Task Corrections_ListOperatorsReclassificationsAsLabelledExamples()
    {
        using var operatorOnDuty = await withModel.AsAsync("operator");
        using var admin = await withModel.AsAsync("admin");
        using var platform = withModel.Machine();
        var place = withModel.App.Services.GetRequiredService<JurisdictionIndex>().PointInside(AreaLevel.Grid, "330102007006001")!;
        var id = await SendAsync(platform, operatorOnDuty, "有个事情想反映一下，具体的我也说不好", place);
        var since = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");

        var reclassified = await operatorOnDuty.PostAsJsonAsync($"/api/incidents/{id}/reclassify", new { categoryCode = "consultation", reason = "来电咨询办事" });
        var examples = await admin.GetFromJsonAsync<JsonElement>($"/api/catalogue/corrections?since={Uri.EscapeDataString(since)}");
        var refused = await operatorOnDuty.GetAsync($"/api/catalogue/corrections?since={Uri.EscapeDataString(since)}");
        var bad = await admin.GetAsync("/api/catalogue/corrections?since=yesterday");

        Assert.That(reclassified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reclassified.Content.ReadAsStringAsync());
        var example = examples.EnumerateArray().Single(e => e.GetProperty("incidentId").GetGuid() == id);
        Assert.That(example.GetProperty("category").GetString(), Is.EqualTo("consultation"));
        Assert.That(example.GetProperty("text").GetString(), Is.EqualTo("有个事情想反映一下，具体的我也说不好"));
        Assert.That(example.GetProperty("by").GetString(), Is.EqualTo("operator"));
        Assert.That(example.GetProperty("source").GetString(), Does.Contain("by operator"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static JsonElement Check(JsonElement ready, string name) =>
        ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static async Task<Guid> SendAsync(HttpClient platform, HttpClient reader, string description, GeoPoint place)
    {
        var alertId = "110-cls-" + Guid.NewGuid().ToString("N")[..8];
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description, location = new { lon = place.Lon, lat = place.Lat },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var reference = IncidentReference.ForAlert(alertId);
        await Eventually.GetValueAsync(async () =>
        {
            var r = await reader.GetAsync($"/api/incidents/{reference}");
            return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), $"incident {reference}");
        return reference;
    }
}
