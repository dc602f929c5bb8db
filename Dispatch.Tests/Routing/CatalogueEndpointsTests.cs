using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Audit;
using Dispatch.Server.Routing;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Routing;

public sealed class CatalogueEndpointsTests
{
    private RunningServer server = null!;
    private HttpClient admin = null!;
    private HttpClient operatorOnDuty = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = await RunningServer.StartAsync();

        // An admin edits the catalogue; an operator reads it and classifies what a caller says.
        admin = await server.AsAsync("admin");
        operatorOnDuty = await server.AsAsync("operator");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        operatorOnDuty.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task List_WhenTheDatabaseIsNew_ShowsTheSeededCatalogue()
    {
        var list = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/catalogue/categories");

        Assert.That(list.GetArrayLength(), Is.GreaterThanOrEqualTo(40));
        var theft = list.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "theft");
        Assert.That(theft.GetProperty("kind").GetString(), Is.EqualTo("Police"));
        Assert.That(theft.GetProperty("organisation").GetString(), Is.EqualTo("PoliceStation"));
        Assert.That(theft.GetProperty("organisationZh").GetString(), Is.EqualTo("派出所"));
        Assert.That(theft.GetProperty("updatedBy").GetString(), Is.EqualTo(CatalogueStore.SeedActor));
    }

    [Test]
    public async Task Put_WhenTheBodyIsTheGetAnswerEdited_ReplacesItAndAudits()
    {
        var current = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/catalogue/categories/street-vending");
        var body = JsonSerializer.Serialize(current).Replace("\"priority\":4", "\"priority\":3", StringComparison.Ordinal);

        using var response = await admin.PutAsync("/api/catalogue/categories/street-vending", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var after = await operatorOnDuty.GetFromJsonAsync<JsonElement>("/api/catalogue/categories/street-vending");
        Assert.That(after.GetProperty("priority").GetInt32(), Is.EqualTo(3));
        var history = await new AuditLog(server.Database.Database).ForSubjectAsync("category", "street-vending", CancellationToken.None);
        Assert.That(history.Select(h => h.Action), Is.EqualTo(new[] { "category.updated" }));
    }

    [Test]
    public async Task Put_WhenFieldsAreWrong_Answers400NamingEachField()
    {
        const string Body = """
            {"nameZh":"","nameEn":"Noise","kind":"Polis","priority":7,"organisation":"UrbanManagement",
             "response":{"respondMinutes":5,"arriveMinutes":3},"taskOrderWorkingDays":5,"keywords":{"噪音":-1}}
            """;

        using var response = await admin.PutAsync("/api/catalogue/categories/noise", Json(Body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);
        Assert.That(fields, Is.EquivalentTo(new[] { "nameZh", "kind", "priority", "response.arriveMinutes", "keywords" }));
    }

    [Test]
    public async Task Put_WhenTheBodyHasAnUnknownField_Answers400NamingIt()
    {
        using var response = await admin.PutAsync("/api/catalogue/categories/noise", Json("""{"nameCn":"噪音"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nameCn"));
    }

    [Test]
    public async Task Get_WhenTheCodeIsUnknown_Answers404()
    {
        using var response = await operatorOnDuty.GetAsync("/api/catalogue/categories/no-such");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PutThenClassify_WhenANewCategoryIsCreated_UsesItsKeywordsAtOnce()
    {
        const string Text = "小区里有人放孔明灯";
        var before = await ClassifyAsync(Text);
        Assert.That(before.TryGetProperty("categoryCode", out var code) ? code.GetString() : null, Is.Not.EqualTo("sky-lantern"));

        const string Body = """
            {"nameZh":"孔明灯","nameEn":"Sky lanterns","kind":"NonPolice","priority":4,"organisation":"FireRescue",
             "response":{"respondMinutes":10,"arriveMinutes":30,"reinforceMinutes":null},"taskOrderWorkingDays":3,
             "keywords":{"孔明灯":5}}
            """;
        using var response = await admin.PutAsync("/api/catalogue/categories/sky-lantern", Json(Body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/catalogue/categories/sky-lantern"));

        var after = await ClassifyAsync(Text);
        Assert.That(after.GetProperty("categoryCode").GetString(), Is.EqualTo("sky-lantern"));
        Assert.That(after.GetProperty("kind").GetString(), Is.EqualTo("NonPolice"));
        Assert.That(after.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("孔明灯"));
        Assert.That(server.App.Services.GetRequiredService<CategoryCatalogue>().Find("sky-lantern"), Is.Not.Null);
    }

    [Test]
    public async Task Classify_WhenTheBodyIsEmpty_Answers400()
    {
        using var response = await operatorOnDuty.PostAsync("/api/catalogue/classify", Json("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("description"));
    }

    [Test]
    public async Task Classify_WhenACodeIsGiven_AnswersItsCategory()
    {
        using var response = await operatorOnDuty.PostAsJsonAsync("/api/catalogue/classify", new { categoryCode = "fire", description = "有人在吵架" });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(answer.GetProperty("categoryCode").GetString(), Is.EqualTo("fire"));
        Assert.That(answer.GetProperty("confidence").GetDouble(), Is.EqualTo(1.0));
    }

    private async Task<JsonElement> ClassifyAsync(string description)
    {
        using var response = await operatorOnDuty.PostAsJsonAsync("/api/catalogue/classify", new { description });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
