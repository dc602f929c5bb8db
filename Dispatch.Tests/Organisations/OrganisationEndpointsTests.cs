using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Audit;
using Dispatch.Server.Organisations;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Organisations;

/// <summary>The organisation API on a real server (SQLite, no demo data).</summary>
public sealed class OrganisationEndpointsTests
{
    private RunningServer server = null!;
    private HttpClient admin = null!;
    private HttpClient person = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = await RunningServer.StartAsync();

        // Organisations are edited by an admin and read by any signed-in person (here a department handler).
        admin = await server.AsAsync("admin");
        person = await server.AsAsync("handler");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        person.Dispose();
        await server.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Put_WhenNewThenTheGetAnswerEdited_CreatesReplacesAuditsAndRefreshesTheDirectory()
    {
        using var create = await admin.PutAsync("/api/organisations/CG-TEST",
            Json("""{"name":"测试街道综合行政执法队","type":"UrbanManagement","areaCodes":["330102099"]}"""));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created), await create.Content.ReadAsStringAsync());
        Assert.That(create.Headers.Location!.ToString(), Is.EqualTo("/api/organisations/CG-TEST"));

        var current = await person.GetFromJsonAsync<JsonElement>("/api/organisations/CG-TEST");
        Assert.That(current.GetProperty("typeZh").GetString(), Is.EqualTo("城管"));
        var edited = JsonSerializer.Serialize(current).Replace("\"330102099\"", "\"330102099\",\"330102098\"", StringComparison.Ordinal);
        using var replace = await admin.PutAsync("/api/organisations/CG-TEST", Json(edited));

        Assert.That(replace.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replace.Content.ReadAsStringAsync());
        var after = await person.GetFromJsonAsync<JsonElement>("/api/organisations/CG-TEST");
        Assert.That(after.GetProperty("areaCodes").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "330102099", "330102098" }));
        var history = await new AuditLog(server.Database.Database).ForSubjectAsync("organisation", "CG-TEST", CancellationToken.None);
        Assert.That(history.Select(h => h.Action), Is.EqualTo(new[] { "organisation.updated", "organisation.updated" }));
        var directory = server.App.Services.GetRequiredService<OrganisationDirectory>();
        Assert.That(directory.Current.Find("CG-TEST")!.AreaCodes, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Put_WhenFieldsAreWrong_Answers400NamingEachField()
    {
        using var response = await admin.PutAsync("/api/organisations/BAD%20CODE",
            Json("""{"name":"","type":"Police","areaCodes":["330102007","a,b","330102007"]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "name", "type", "areaCodes" }));
        var areaProblems = errors.GetProperty("areaCodes").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(areaProblems, Has.Some.Contains("'a,b'").And.Some.Contains("listed twice"));
        Assert.That(errors.GetProperty("type")[0].GetString(), Does.Contain("PoliceStation").And.Contain("CommandRoom"));
    }

    [Test]
    public async Task Put_WhenTheBodyRenamesTheCodeOrHasNoAreas_Answers400()
    {
        using var response = await admin.PutAsync("/api/organisations/SJ-TEST",
            Json("""{"code":"SJ-OTHER","name":"测试市场监管所","type":"MarketRegulation","areaCodes":[]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "areaCodes" }));
        Assert.That(await person.GetAsync("/api/organisations/SJ-TEST"), Has.Property("StatusCode").EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_WhenTheBodyHasAnUnknownField_Answers400NamingIt()
    {
        using var response = await admin.PutAsync("/api/organisations/SF-TEST",
            Json("""{"name":"测试司法所","type":"JusticeOffice","areas":["330102007"]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("areas"));
    }

    [Test]
    public async Task List_WhenFilteredByType_GivesOnlyThatType()
    {
        await admin.PutAsync("/api/organisations/PS-TEST", Json("""{"name":"测试派出所","type":"PoliceStation","areaCodes":["PS-TEST"]}"""));
        await admin.PutAsync("/api/organisations/ZH-TEST", Json("""{"name":"测试街道综合信息指挥室","type":"commandroom","areaCodes":["330102099"]}"""));

        var police = await person.GetFromJsonAsync<JsonElement>("/api/organisations?type=PoliceStation");
        var rooms = await person.GetFromJsonAsync<JsonElement>("/api/organisations?type=CommandRoom");

        Assert.That(police.EnumerateArray().Select(o => o.GetProperty("type").GetString()), Is.All.EqualTo("PoliceStation").And.Not.Empty);
        Assert.That(rooms.EnumerateArray().Select(o => (o.GetProperty("code").GetString(), o.GetProperty("typeZh").GetString())),
            Is.EqualTo(new[] { ("ZH-TEST", "综合信息指挥室") }));
    }

    [Test]
    public async Task List_WhenTheTypeIsUnknown_Answers400NamingIt()
    {
        using var response = await person.GetAsync("/api/organisations?type=2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "type" }));
    }

    [Test]
    public async Task Get_WhenTheCodeIsUnknown_Answers404()
    {
        using var response = await person.GetAsync("/api/organisations/NO-SUCH");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
