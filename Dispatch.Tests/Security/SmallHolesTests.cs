using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Server.Operations;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>
/// The smaller holes: an API key reaches no session route, an unbindable query value is a 400 naming it, text
/// with control characters, bidi overrides or lone surrogates is refused by field, and a time needs its offset.
/// </summary>
[NonParallelizable]
public sealed class SmallHolesTests
{
    private RunningServer running = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync();
        admin = await running.AsAsync("admin");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        await running.DisposeAsync();
    }

    [TestCase("GET", "/api/auth/me")]
    [TestCase("GET", "/api/auth/antiforgery")]
    [TestCase("POST", "/api/auth/logout")]
    public async Task ApiKey_ReachesNoSessionRoute(string method, string path)
    {
        using var machine = running.Machine();
        using var response = await machine.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/api/incidents?page=abc", "page")]
    [TestCase("/api/incidents?pageSize=1e9", "pageSize")]
    [TestCase("/api/triage?page=-x", "page")]
    [TestCase("/api/incidents?kind=Police,Dispute", "kind")]
    [TestCase("/api/incidents?category=theft-theft-theft-theft-theft-theft", "category")]
    [TestCase("/api/incidents?community=330102007001330102007001330102007001", "community")]
    [TestCase("/api/incidents?organisation=PS-YUNFENG-PS-YUNFENG-PS-YUNFENG-PS", "organisation")]
    [TestCase("/api/incidents?q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "q")]
    public async Task UnbindableQueryValue_Is400NamingTheParameter(string path, string parameter)
    {
        using var response = await admin.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _), Is.True, problem.ToString());
    }

    [TestCase("a\u0000b", "U+0000")]
    [TestCase("\u001b[31mred", "U+001B")]
    [TestCase("abc\u202Egpj.exe", "U+202E")]
    [TestCase("\u2066isolated", "U+2066")]
    [TestCase("c1 \u0085", "U+0085")]
    public async Task TextWithControlCharacters_IsRefusedNamingTheField(string description, string shown)
    {
        using var machine = running.Machine();
        using var response = await machine.PostAsJsonAsync("/api/intake/alerts", new
        {
            alertId = "110-ctl-" + Guid.NewGuid().ToString("N")[..8], receivedAt = DateTimeOffset.UtcNow.ToString("O"), description,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("description")[0].GetString(), Does.Contain(shown));
    }

    [Test]
    public async Task LoneSurrogateOrInvalidUtf8_InAnImport_Is400NotA500()
    {
        const string Query = "/api/geo/areas/import?level=grid&codeProp=code&nameProp=name";
        var lone = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"G1","name":"\ud800"},"geometry":null}]}""";
        using var surrogate = await admin.PostAsync(Query, new StringContent(lone, Encoding.UTF8, "application/geo+json"));
        var bytes = Encoding.UTF8.GetBytes(lone.Replace("\\ud800", "X", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/geo+json");
        using var invalid = await admin.PostAsync(Query, content);

        Assert.That(surrogate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await surrogate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty("features[0].properties.name", out _), Is.True, problem.ToString());
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void TextCheck_KeepsLineBreaksTabsAndPairedSurrogates() =>
        Assert.That(TextCheck.Why("第一行\n第二行\r\n\t缩进 😀"), Is.Null);

    [TestCase("2026-11-22T08:00:00")]
    [TestCase("2026-11-22")]
    public async Task IncidentList_TimeWithoutOffset_IsRefused(string from)
    {
        using var response = await admin.GetAsync($"/api/incidents?from={Uri.EscapeDataString(from)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("from")[0].GetString(), Does.Contain("offset"));
    }

    [Test]
    public async Task IncidentList_TimeWithOffset_IsRead()
    {
        using var response = await admin.GetAsync("/api/incidents?from=" + Uri.EscapeDataString("2026-11-22T08:00:00+08:00"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
