using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Audit;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Assignment;

/// <summary><c>PUT /api/units/{code}</c> on a real server (SQLite, no demo data): how an installer adds units.</summary>
public sealed class UnitEditEndpointTests
{
    private RunningServer running = null!;
    private HttpClient admin = null!;
    private HttpClient responder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync();
        admin = await running.AsAsync("admin");
        responder = await running.AsAsync("responder");
        // It serves the demo operator's street too (this server has no area geometry to overlap), so the operator may sign its units on and off.
        var organisation = await admin.PutAsync("/api/organisations/PS-EDIT", Json("""{"name":"测试派出所","type":"PoliceStation","areaCodes":["PS-EDIT","330102007"]}"""));
        Assert.That(organisation.StatusCode, Is.EqualTo(HttpStatusCode.Created), await organisation.Content.ReadAsStringAsync());
        var other = await admin.PutAsync("/api/organisations/CG-EDIT", Json("""{"name":"测试执法队","type":"UrbanManagement","areaCodes":["330102099"]}"""));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), await other.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        responder.Dispose();
        await running.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Put_WhenNewThenAgain_Creates201ThenReplaces200_KeepingPositionAndStatus_AndAuditsBoth()
    {
        using var create = await admin.PutAsync("/api/units/ED-PC01", Json("""{"name":"测试巡逻车1号","organisation":"PS-EDIT","kind":"PatrolCar"}"""));

        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created), await create.Content.ReadAsStringAsync());
        Assert.That(create.Headers.Location!.ToString(), Is.EqualTo("/api/units/ED-PC01"));
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((created.GetProperty("status").GetString(), created.GetProperty("position").ValueKind), Is.EqualTo(("Available", JsonValueKind.Null)),
            "a new unit is on duty and has no position until it reports one");

        // The unit reports where it is and signs off; the admin then moves it to another organisation as a foot patrol.
        using var machine = running.Machine();
        Assert.That((await machine.PostAsJsonAsync("/api/units/ED-PC01/location", new { lon = 120.21, lat = 30.28 })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Eventually.GetAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/units/ED-PC01")).GetProperty("position").ValueKind == JsonValueKind.Object ? "" : null,
            TimeSpan.FromSeconds(10), "the reported position to be stored");
        using var operatorClient = await running.AsAsync("operator");
        Assert.That((await operatorClient.PostAsJsonAsync("/api/units/ED-PC01/duty", new { onDuty = false })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var replace = await admin.PutAsync("/api/units/ED-PC01", Json("""{"code":"ED-PC01","name":"测试步巡1组","organisation":"CG-EDIT","kind":"footpatrol"}"""));

        Assert.That(replace.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replace.Content.ReadAsStringAsync());
        var unit = await admin.GetFromJsonAsync<JsonElement>("/api/units/ED-PC01");
        Assert.That((unit.GetProperty("name").GetString(), unit.GetProperty("organisation").GetString(), unit.GetProperty("kind").GetString()),
            Is.EqualTo(("测试步巡1组", "CG-EDIT", "FootPatrol")));
        Assert.That(unit.GetProperty("position").GetProperty("lon").GetDouble(), Is.EqualTo(120.21), "the position is the unit's own");
        Assert.That(unit.GetProperty("status").GetString(), Is.EqualTo("OffDuty"), "the status is the unit's own");
        var history = (await new AuditLog(running.Database.Database).ForSubjectAsync("unit", "ED-PC01", CancellationToken.None))
            .Where(h => h.Action == "unit.updated").ToList();
        Assert.That(history.Select(h => (h.Actor, h.ActorRole)), Is.EqualTo(new[] { ("admin", "Admin"), ("admin", "Admin") }));
        Assert.That(history[0].Before, Is.Null);
        Assert.That(history[1].Before, Does.Contain("PS-EDIT").And.Contain("PatrolCar"));
        Assert.That(history[1].After, Does.Contain("CG-EDIT").And.Contain("FootPatrol"));
    }

    [Test]
    public async Task Put_WhenFieldsAreWrong_Answers400NamingEachFieldAndStoresNothing()
    {
        using var response = await admin.PutAsync("/api/units/BAD%20CODE", Json("""{"name":"","kind":"Helicopter"}"""));
        using var unknownToo = await admin.PutAsync("/api/units/ED-PC05", Json("""{"name":"","organisation":"PS-NOWHERE","kind":"PatrolCar"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "name", "organisation", "kind" }));
        Assert.That(errors.GetProperty("organisation")[0].GetString(), Does.Contain("is required"));
        Assert.That(errors.GetProperty("kind")[0].GetString(), Does.Contain("PatrolCar").And.Contain("GridMember"));
        var both = (await unknownToo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(both.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "organisation" }), "an unknown organisation is named beside the other problems");
        Assert.That((await admin.GetAsync("/api/units/ED-PC05")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_WhenTheOrganisationDoesNotExist_Answers400SayingToCreateItFirst()
    {
        using var response = await admin.PutAsync("/api/units/ED-PC02", Json("""{"name":"测试巡逻车2号","organisation":"PS-NOWHERE","kind":"PatrolCar"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "organisation" }));
        Assert.That(errors.GetProperty("organisation")[0].GetString(), Does.Contain("PUT /api/organisations/PS-NOWHERE"));
        Assert.That((await admin.GetAsync("/api/units/ED-PC02")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_WhenTheBodyRenamesTheCodeOrHasAPosition_Answers400()
    {
        using var renamed = await admin.PutAsync("/api/units/ED-PC03", Json("""{"code":"ED-OTHER","name":"测试巡逻车3号","organisation":"PS-EDIT","kind":"PatrolCar"}"""));
        using var positioned = await admin.PutAsync("/api/units/ED-PC03", Json("""{"name":"测试巡逻车3号","organisation":"PS-EDIT","kind":"PatrolCar","lon":120.2}"""));

        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "code" }));
        Assert.That(positioned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await positioned.Content.ReadAsStringAsync(), Does.Contain("lon"));
    }

    [Test]
    public async Task Put_ByAResponder_Answers403()
    {
        using var response = await responder.PutAsync("/api/units/ED-PC04", Json("""{"name":"测试巡逻车4号","organisation":"PS-EDIT","kind":"PatrolCar"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
