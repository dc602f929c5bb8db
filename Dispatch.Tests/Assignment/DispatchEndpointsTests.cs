using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Assignment;

/// <summary>
/// Dispatch over HTTP and the hubs on the demo data (云峰派出所's units), with auto-dispatch off so that every
/// assignment is the test's own. Each test works on its own incidents and closes them, leaving the units Available.
/// </summary>
[NonParallelizable]
public sealed class DispatchEndpointsTests
{
    private RunningServer running = null!;
    private HttpClient machine = null!;
    private HttpClient operatorClient = null!;
    private HttpClient responder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Dispatch:AutoDispatch"] = "false",

            ["Security:LoginAttemptsPerMinute"] = "1000",
        });
        machine = running.Machine();
        operatorClient = await running.AsAsync("operator");
        responder = await running.AsAsync("responder");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        machine.Dispose();
        operatorClient.Dispose();
        responder.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task Recommendations_AreAvailableUnitsOfTheResponsibleOrganisation_NearestFirst()
    {
        var id = await OpenIncidentAsync();

        var body = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/recommendations?limit=10");

        var units = body.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units, Is.Not.Empty);
        Assert.That(units.Select(u => u.GetProperty("unit").GetProperty("organisation").GetString()), Is.All.EqualTo(body.GetProperty("organisation").GetString()));
        Assert.That(units.Select(u => u.GetProperty("unit").GetProperty("status").GetString()), Is.All.EqualTo("Available"));
        Assert.That(units.Select(u => u.GetProperty("etaSeconds").GetDouble()), Is.Ordered);
        await CloseAsync(id);
    }

    [Test]
    public async Task Dispatch_SecondUnitWithoutRole_IsSentAsReinforcement_EvenWhenBusyWithAReason()
    {
        var incident = await OpenIncidentAsync();
        var elsewhere = await OpenIncidentAsync();
        await DispatchAsync(incident, "YF-PC01");
        await DispatchAsync(elsewhere, "YF-PC03");

        // The operator clicks 派单 on a second unit: no role named, so no "ask for a reinforcement" refusal.
        var second = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { code = "YF-PC02" } } });
        // A third, busy elsewhere: 仍然派单 with a reason sends it (the refusal before it is the busy one, overridable).
        var busy = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { code = "YF-PC03" } } });
        var anyway = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/dispatch",
            new { units = new[] { new { code = "YF-PC03" } }, @override = true, reason = "现场需要更多警力" });

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), await second.Content.ReadAsStringAsync());
        Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var conflict = (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts")[0];
        Assert.That(conflict.GetProperty("overridable").GetBoolean(), Is.True, conflict.ToString());
        Assert.That(anyway.StatusCode, Is.EqualTo(HttpStatusCode.OK), await anyway.Content.ReadAsStringAsync());
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}");
        var roles = detail.GetProperty("assignments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("unitCode").GetString()!, a => a.GetProperty("role").GetString());
        Assert.That(roles, Is.EqualTo(new Dictionary<string, string?> { ["YF-PC01"] = "Primary", ["YF-PC02"] = "Reinforcement", ["YF-PC03"] = "Reinforcement" }));
        await CloseAsync(incident);
        await CloseAsync(elsewhere);
    }

    [Test]
    public async Task CallerPhones_MaskedInTheDetail_FullOnlyToTheOperatorAndTheOpenPrimaryResponder_EachReadAudited()
    {
        var incident = await OpenIncidentAsync(callerPhone: "13912345678");
        using var supervisor = await running.AsAsync("supervisor");
        var phones = $"/api/incidents/{incident}/caller-phones";

        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}");
        Assert.That(detail.GetProperty("alerts")[0].GetProperty("callerPhone").GetString(), Is.EqualTo("139****5678"));
        Assert.That((await supervisor.GetAsync(phones)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a supervisor audits; they do not call back");
        Assert.That((await responder.GetAsync(phones)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not this responder's incident yet");

        await DispatchAsync(incident, "YF-PC01");
        var forResponder = await responder.GetFromJsonAsync<JsonElement>(phones);
        var forOperator = await operatorClient.GetFromJsonAsync<JsonElement>(phones);

        Assert.That(forResponder.GetProperty("phones")[0].GetProperty("phone").GetString(), Is.EqualTo("13912345678"));
        Assert.That(forOperator.GetProperty("phones")[0].GetProperty("phone").GetString(), Is.EqualTo("13912345678"));
        var reads = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}")).GetProperty("timeline").EnumerateArray()
            .Where(t => t.GetProperty("action").GetString() == "incident.caller-phones-read").Select(t => t.GetProperty("actor").GetString()).ToList();
        Assert.That(reads, Is.EquivalentTo(new[] { "responder", "operator" }), "every read is on the timeline with who read it");

        await CloseAsync(incident);
        Assert.That((await responder.GetAsync(phones)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the assignment is over");
    }

    [Test]
    public async Task Dispatch_WhenTheUnitIsBusyElsewhere_Answers409ThenOverrideLeavesTheOtherAssignmentAsItWas()
    {
        var first = await OpenIncidentAsync();
        var second = await OpenIncidentAsync();
        var original = await DispatchAsync(first, "YF-PC02");
        await StepAsync(operatorClient, original, "acknowledge");

        var busy = await operatorClient.PostAsJsonAsync($"/api/incidents/{second}/dispatch", new { units = new[] { new { code = "YF-PC02", role = "primary" } } });
        var noReason = await operatorClient.PostAsJsonAsync($"/api/incidents/{second}/dispatch", new { units = new[] { new { code = "YF-PC02", role = "primary" } }, @override = true });
        var overridden = await operatorClient.PostAsJsonAsync($"/api/incidents/{second}/dispatch",
            new { units = new[] { new { code = "YF-PC02", role = "primary" } }, @override = true, reason = "持刀警情优先" });

        Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await busy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((problem.GetProperty("unit").GetString(), problem.GetProperty("currentIncident").GetString()), Is.EqualTo(("YF-PC02", first.ToString())), problem.ToString());
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(overridden.StatusCode, Is.EqualTo(HttpStatusCode.OK), await overridden.Content.ReadAsStringAsync());
        var firstDetail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{first}");
        Assert.That(firstDetail.GetProperty("assignments")[0].GetProperty("state").GetString(), Is.EqualTo("Acknowledged"), "the other assignment is left as it was");
        Assert.That(firstDetail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Has.Member("assignment.diverted"));
        var secondDetail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{second}");
        Assert.That(secondDetail.GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("InProgress"));
        Assert.That(secondDetail.GetProperty("assignments")[0].GetProperty("overrideReason").GetString(), Is.EqualTo("持刀警情优先"));
        Assert.That(await UnitStatusAsync("YF-PC02"), Is.EqualTo("Dispatched"));

        await StepAsync(operatorClient, secondDetail.GetProperty("assignments")[0].GetProperty("id").GetGuid(), "clear");
        Assert.That(await UnitStatusAsync("YF-PC02"), Is.EqualTo("Dispatched"), "after the diversion the unit is back on its first assignment");
        await CloseAsync(first);
        await CloseAsync(second);
        Assert.That(await UnitStatusAsync("YF-PC02"), Is.EqualTo("Available"));
    }

    [Test]
    public async Task Steps_OutOfOrderAnswers409WithTheCurrentState_ARepeatChangesNothing()
    {
        var id = await OpenIncidentAsync();
        var assignment = await DispatchAsync(id, "YF-PC03");

        var onScene = await operatorClient.PostAsync($"/api/assignments/{assignment}/on-scene", null);
        var back = await operatorClient.PostAsync($"/api/assignments/{assignment}/acknowledge", null);
        var again = await operatorClient.PostAsync($"/api/assignments/{assignment}/on-scene", null);

        Assert.That(onScene.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString(), Is.EqualTo("OnScene"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean(), Is.False);
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.That(detail.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("action").GetString() == "assignment.onscene"), Is.EqualTo(1));
        Assert.That(await UnitStatusAsync("YF-PC03"), Is.EqualTo("OnScene"));
        await CloseAsync(id);
    }

    [Test]
    public async Task Decline_NeedsAReason_AndTheOperatorGetsTheNextRecommendationOnScreen()
    {
        await using var screen = await running.ConnectHubAsync("operator");
        await screen.InvokeAsync("WatchIncidents");
        var id = await OpenIncidentAsync();
        var assignment = await DispatchAsync(id, "YF-PC04");

        var noReason = await operatorClient.PostAsJsonAsync($"/api/assignments/{assignment}/decline", new { });
        var declined = await operatorClient.PostAsJsonAsync($"/api/assignments/{assignment}/decline", new { reason = "车辆故障" });

        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next").EnumerateArray().Select(n => n.GetProperty("unit").GetProperty("code").GetString()).ToList();
        Assert.That(next, Is.Not.Empty.And.Not.Contain("YF-PC04"));
        var pushed = await screen.WaitForCallAsync("AssignmentChanged", a => a.GetProperty("id").GetGuid() == assignment && a.GetProperty("state").GetString() == "Declined", TimeSpan.FromSeconds(10));
        Assert.That(pushed.GetProperty("declineReason").GetString(), Is.EqualTo("车辆故障"));
        Assert.That(await UnitStatusAsync("YF-PC04"), Is.EqualTo("Available"));
        await CloseAsync(id);
    }

    [Test]
    public async Task Responder_SeesAndWorksOnlyTheirOwnUnitsAssignments_OverHttpAndTheHub()
    {
        await using var phone = await HubTestClient.ConnectAsync(running.Address, "/hubs/responder", await Session.SignInCookieAsync(running.Address, "responder"));
        await phone.InvokeAsync("WatchAssignments");
        var id = await OpenIncidentAsync();
        var other = await DispatchAsync(id, "YF-FP01", "primary");
        var own = await DispatchAsync(id, "YF-PC01", "reinforcement");

        var pushed = await phone.WaitForCallAsync("AssignmentChanged", _ => true, TimeSpan.FromSeconds(10));
        Assert.That(pushed.GetProperty("unitCode").GetString(), Is.EqualTo("YF-PC01"), "the other unit's assignment is never pushed to this phone");
        Assert.That((await responder.GetAsync($"/api/assignments/{other}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await responder.PostAsync($"/api/assignments/{other}/acknowledge", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await responder.GetAsync($"/api/assignments/{own}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var mine = await responder.GetFromJsonAsync<JsonElement>("/api/assignments/mine");
        Assert.That(mine.EnumerateArray().Select(m => m.GetProperty("assignment").GetProperty("unitCode").GetString()), Is.All.EqualTo("YF-PC01"));
        var listed = mine.EnumerateArray().Single(m => m.GetProperty("assignment").GetProperty("id").GetGuid() == own);
        Assert.That(listed.GetProperty("address").GetString(), Is.EqualTo("云峰路88号"));

        // Reinforcement and resolving are for units on scene; this one is a reinforcement, so it cannot resolve.
        Assert.That((await responder.PostAsJsonAsync($"/api/incidents/{id}/reinforcements", new { reason = "人手不够" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await StepAsync(responder, own, "on-scene");
        Assert.That((await responder.PostAsJsonAsync($"/api/incidents/{id}/reinforcements", new { reason = "人手不够" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await responder.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { result = "已处理" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await phone.WaitForCallAsync("AssignmentChanged", a => a.GetProperty("state").GetString() == "OnScene", TimeSpan.FromSeconds(10));
        await CloseAsync(id);
    }

    [Test]
    public async Task PrimaryResponderOnScene_ResolvesTheIncident_AndEveryAssignmentIsCleared()
    {
        var id = await OpenIncidentAsync();
        var own = await DispatchAsync(id, "YF-PC01");
        await StepAsync(responder, own, "acknowledge");
        await StepAsync(responder, own, "on-scene");

        var resolved = await responder.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { result = "车主已挪车" });
        var again = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { result = "再来一次" });

        Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolved.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.That(detail.GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(detail.GetProperty("assignments")[0].GetProperty("state").GetString(), Is.EqualTo("Cleared"));
        Assert.That(await UnitStatusAsync("YF-PC01"), Is.EqualTo("Available"));
    }

    [Test]
    public async Task PrimaryResponderOnScene_HandsTheCaseOverToADepartment_NotBeforeArriving()
    {
        var id = await OpenIncidentAsync();
        var own = await DispatchAsync(id, "YF-PC01");
        await StepAsync(responder, own, "acknowledge");

        var early = await responder.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { instructions = "请司法所调解", organisationCode = "CG-YUNFENG" });
        await StepAsync(responder, own, "on-scene");
        var handed = await responder.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { instructions = "现场未能调解，请城管规范摊位", organisationCode = "CG-YUNFENG" });

        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "only from the scene");
        Assert.That(handed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await handed.Content.ReadAsStringAsync());
        // The task order is issued by a consumer of the hand-over event: wait for it as a desk would.
        var organisation = await Eventually.GetAsync<string>(async () =>
        {
            var orders = await operatorClient.GetFromJsonAsync<JsonElement>("/api/task-orders");
            return orders.EnumerateArray().Where(o => o.GetProperty("incidentId").GetGuid() == id)
                .Select(o => o.GetProperty("organisation").GetProperty("code").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the task order");
        Assert.That(organisation, Is.EqualTo("CG-YUNFENG"));
        Assert.That(await UnitStatusAsync("YF-PC01"), Is.EqualTo("Available"));
    }

    [Test]
    public async Task Linkage_HandsTheIncidentTo119Once_RecordsWhoAndWhen_MeetsRespond_AndKeepsItOpen()
    {
        var id = await OpenIncidentAsync();

        var first = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/linkages", new { service = "Fire", externalReference = "F-2026-77", note = "三楼冒烟" });
        var again = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/linkages", new { service = "fire" });
        var wrong = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/linkages", new { service = "Police" });
        var byResponder = await responder.PostAsJsonAsync($"/api/incidents/{id}/linkages", new { service = "Medical" });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var made = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linkage");
        Assert.That(made.GetProperty("reference").GetString(), Does.Match(@"^119-\d{8}-[0-9A-F]{6}$"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same service again answers the first hand-off");
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(repeated.GetProperty("created").GetBoolean(), Is.False);
        Assert.That(repeated.GetProperty("linkage").GetProperty("reference").GetString(), Is.EqualTo(made.GetProperty("reference").GetString()));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("Fire, Medical, Emergency"));
        Assert.That(byResponder.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "operators hand off, not the field");

        // The respond clock is met by the hand-off (a consumer applies it): wait for it as the screen would.
        var detail = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var d = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
            return d.GetProperty("clocks").EnumerateArray().Any(c => c.GetProperty("kind").GetString() == "Respond" && c.GetProperty("state").GetString() == "Met")
                ? d : null;
        }, TimeSpan.FromSeconds(10), "the respond clock met by the hand-off");
        var linkage = detail.GetProperty("linkages").EnumerateArray().Single();
        Assert.That(linkage.GetProperty("service").GetString(), Is.EqualTo("Fire"));
        Assert.That(linkage.GetProperty("externalReference").GetString(), Is.EqualTo("F-2026-77"));
        Assert.That(linkage.GetProperty("actor").GetString(), Is.Not.Empty);
        Assert.That(detail.GetProperty("incident").GetProperty("status").GetString(), Is.Not.EqualTo("Closed"));
        Assert.That(detail.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "incident.linked"), Is.EqualTo(1));
        Assert.That(detail.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Arrive").GetProperty("state").GetString(),
            Is.EqualTo("Running"), "police may still be needed at the scene");

        await CloseAsync(id);
        var closed = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/linkages", new { service = "Medical" });
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task HandOver_ClosesTheIncidentForTheNamedOrganisation()
    {
        var id = await OpenIncidentAsync();
        await DispatchAsync(id, "YF-PC03");

        var noInstructions = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { organisationCode = "CG-YUNFENG" });
        var unknown = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { instructions = "跟进", organisationCode = "NOPE" });
        var handed = await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/hand-over", new { instructions = "请城管跟进占道停车", organisationCode = "CG-YUNFENG" });

        Assert.That((noInstructions.StatusCode, unknown.StatusCode, handed.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK)));
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.That(detail.GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Has.Member("incident.handed-over"));
        Assert.That(await UnitStatusAsync("YF-PC03"), Is.EqualTo("Available"));
    }

    [Test]
    public async Task Duty_ResponderSignsTheirOwnUnitOffAndOn_AndScreensSeeStatusAndPosition()
    {
        await using var screen = await running.ConnectHubAsync("operator");
        await screen.InvokeAsync("WatchIncidents");

        var off = await responder.PostAsJsonAsync("/api/units/YF-PC01/duty", new { onDuty = false });
        var notMine = await responder.PostAsJsonAsync("/api/units/YF-PC02/duty", new { onDuty = false });

        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(notMine.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await screen.WaitForCallAsync("UnitChanged", u => u.GetProperty("code").GetString() == "YF-PC01" && u.GetProperty("status").GetString() == "OffDuty", TimeSpan.FromSeconds(10));
        var id = await OpenIncidentAsync();
        var recommended = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/recommendations?limit=50");
        Assert.That(recommended.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetProperty("code").GetString()), Has.No.Member("YF-PC01"));

        Assert.That((await responder.PostAsJsonAsync("/api/units/YF-PC01/duty", new { onDuty = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await responder.PostAsJsonAsync("/api/units/YF-PC01/location", new { lon = 120.2111, lat = 30.2811 });
        await screen.WaitForCallAsync("UnitChanged", u => u.GetProperty("code").GetString() == "YF-PC01" && u.GetProperty("status").GetString() == "Available"
            && u.GetProperty("position").GetProperty("lon").GetDouble() == 120.2111, TimeSpan.FromSeconds(10));
        await CloseAsync(id);
    }

    /// <summary>
    /// Police categories, one per incident: alerts of one category at one place within minutes are merged into one
    /// incident, and auto-dispatch is off here, so any police category waits for the test's dispatch.
    /// </summary>
    private static readonly string[] Categories =
        ["theft", "fraud", "robbery", "assault", "fight", "burglary", "drugs", "gambling", "illegal-parking", "traffic-jam", "missing-person", "provocation", "drunk-driving", "indecency"];

    private int opened;

    private async Task<Guid> OpenIncidentAsync(string? callerPhone = null)
    {
        var category = Categories[opened++];
        var alertId = "110-dispatch-" + Guid.NewGuid().ToString("N");
        var sent = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = category, description = "占道停车", address = "云峰路88号",
            location = new { lon = 120.2100, lat = 30.2800 }, callerPhone,
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () =>
        {
            var r = await operatorClient.GetAsync($"/api/incidents/{id}");
            return r.IsSuccessStatusCode && (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident").GetProperty("routing").ValueKind == JsonValueKind.Object ? "" : null;
        }, TimeSpan.FromSeconds(10), "the incident to be routed");
        return id;
    }

    private async Task<Guid> DispatchAsync(Guid incident, string unit, string role = "primary")
    {
        var response = await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { code = unit, role } } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignments")[0].GetProperty("id").GetGuid();
    }

    private static async Task StepAsync(HttpClient client, Guid assignment, string step)
    {
        var response = await client.PostAsync($"/api/assignments/{assignment}/{step}", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task CloseAsync(Guid incident) =>
        await operatorClient.PostAsJsonAsync($"/api/incidents/{incident}/resolve", new { result = "测试结束" });

    private async Task<string?> UnitStatusAsync(string code) =>
        (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/units/{code}")).GetProperty("status").GetString();
}
