using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Addresses;

/// <summary>
/// The bad input against the running server (SQLite, demo street): every refusal is a problem naming the
/// field, line or limit, and a refused import writes nothing.
/// </summary>
[NonParallelizable]
public sealed class AddressEndpointTests
{
    private const string Header = "id,district,street,community,road,number,compound,building,unit,lon,lat\n";

    /// <summary>Inside grid 330102007004 of the demo street.</summary>
    private const string Inside = "120.2216,30.2897";

    /// <summary>Shanghai: inside no grid of the demo street.</summary>
    private const string Outside = "121.4737,31.2304";

    private RunningServer running = null!;
    private HttpClient admin = null!;
    private HttpClient operatorClient = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        admin = await running.AsAsync("admin");
        operatorClient = await running.AsAsync("operator");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        operatorClient.Dispose();
        await running.DisposeAsync();
    }

    [TestCase("/api/geo/addresses/match?text=", "text")]
    [TestCase("/api/geo/addresses/match?text=%20%20", "text")]
    [TestCase("/api/geo/addresses/match", "text")]
    [TestCase("/api/geo/addresses?q=", "q")]
    [TestCase("/api/geo/addresses", "q")]
    public async Task EmptyText_IsA400NamingTheField(string url, string field)
    {
        var (status, problem) = await GetProblemAsync(url);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, field), Does.Contain($"{field} is required"));
    }

    [TestCase("/api/geo/addresses/match?text=", "text")]
    [TestCase("/api/geo/addresses?q=", "q")]
    public async Task TwoThousandCharacters_IsA400NamingTheFieldAndTheLimit(string url, string field)
    {
        var text = string.Concat(Enumerable.Repeat("上城区云峰街道兴隆花园十二幢三单元附近有人吵架", 100))[..2000];

        var (status, problem) = await GetProblemAsync(url + Uri.EscapeDataString(text));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, field), Does.Contain("2000 characters").And.Contain("at most 500"));
    }

    [Test]
    public async Task OnlyACityName_AnswersNoMatchAndWhatIsMissing()
    {
        var match = await operatorClient.GetFromJsonAsync<JsonElement>("/api/geo/addresses/match?text=" + Uri.EscapeDataString("杭州市"));
        var search = await operatorClient.GetFromJsonAsync<JsonElement>("/api/geo/addresses?q=" + Uri.EscapeDataString("杭州市"));

        Assert.That(match.GetProperty("best").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(match.GetProperty("alternatives").GetArrayLength(), Is.Zero);
        Assert.That(match.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Has.Some.Contains("no road, compound or community name"));
        Assert.That(search.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AnAddressOutsideTheRegister_HasNoBestMatch_SaidPlainly()
    {
        var match = await operatorClient.GetFromJsonAsync<JsonElement>("/api/geo/addresses/match?text=" + Uri.EscapeDataString("北京市朝阳区建国门外大街甲6号"));

        Assert.That(match.GetProperty("best").ValueKind, Is.EqualTo(JsonValueKind.Null), match.ToString());
        Assert.That(match.GetProperty("alternatives").GetArrayLength(), Is.Zero);
        Assert.That(match.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()), Has.Some.Contains("no name in the register resembles the text"));
    }

    [Test]
    public async Task ACsvWithWrongColumns_IsA400NamingTheColumnsExpected_AndWritesNothing()
    {
        var before = await CountAsync();

        var (status, problem) = await ImportAsync("name,x,y\n兴隆花园," + Inside + "\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, "body"), Does.Contain("missing id, lon, lat").And.Contain("unknown name, x, y")
            .And.Contain("expected id,district,street,community,road,number,compound,building,unit,lon,lat"));
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AHugeHeader_IsNamedShortly()
    {
        var (status, problem) = await ImportAsync(new string('x', 1024 * 1024) + "\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, "body").Length, Is.LessThan(400), "the answer names the column, it does not echo a megabyte back");
        Assert.That(Error(problem, "body"), Does.Contain("unknown xxxx").And.Contain("expected id,"));
    }

    [Test]
    public async Task AnEmptyFile_IsA400AskingForTheHeader()
    {
        var (status, problem) = await ImportAsync("");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, "body"), Does.Contain("The file is empty").And.Contain("header"));
    }

    [Test]
    public async Task DuplicateIds_AreA400NamingBothLines_AndWriteNothing()
    {
        var before = await CountAsync();

        var (status, problem) = await ImportAsync(Header
            + $"T-DUP-1,上城区,云峰街道,,,,测试花园,1,,{Inside}\n"
            + $"T-DUP-2,上城区,云峰街道,,,,测试花园,2,,{Inside}\n"
            + $"T-DUP-1,上城区,云峰街道,,,,测试花园,3,,{Inside}\n");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("1 of 3 rows are invalid; nothing was imported"));
        Assert.That(Error(problem, "line 4"), Does.Contain("duplicate id T-DUP-1 (first on line 2)"));
        Assert.That(await CountAsync(), Is.EqualTo(before));
        Assert.That(await CountAsync("T-DUP-%"), Is.Zero, "not even the valid rows");
    }

    [Test]
    public async Task APointOutsideEveryGrid_IsA400NamingTheLine_AndWritesNothing_UnlessSkipped()
    {
        var file = Header
            + $"T-OUT-1,上城区,云峰街道,,,,测试家园,1,,{Inside}\n"
            + $"T-OUT-2,上城区,云峰街道,,,,测试家园,2,,{Outside}\n";
        var before = await CountAsync();

        var (status, problem) = await ImportAsync(file);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(problem, "line 3"), Does.Contain("(T-OUT-2) the point 121.473700,31.230400 (WGS-84) lies outside every grid"));
        Assert.That(await CountAsync(), Is.EqualTo(before));

        var (skippedStatus, report) = await ImportAsync(file, "skipInvalid=true");

        Assert.That(skippedStatus, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(2));
        Assert.That(report.GetProperty("imported").GetInt32(), Is.EqualTo(1));
        Assert.That(report.GetProperty("written").GetBoolean(), Is.True);
        var skipped = report.GetProperty("problems").EnumerateArray().Single();
        Assert.That(skipped.GetProperty("line").GetInt32(), Is.EqualTo(3));
        Assert.That(skipped.GetProperty("id").GetString(), Is.EqualTo("T-OUT-2"));
        Assert.That(await CountAsync(), Is.EqualTo(before + 1));
        var found = await operatorClient.GetFromJsonAsync<JsonElement>("/api/geo/addresses?q=" + Uri.EscapeDataString("测试家园"));
        Assert.That(found.EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { "T-OUT-1" }));
    }

    [Test]
    public async Task WrongContentType_Is415_AndWritesNothing()
    {
        var before = await CountAsync();
        using var content = new StringContent(Header + $"T-TYPE-1,,,,,,测试小区,1,,{Inside}\n", Encoding.UTF8, "text/plain");

        using var response = await admin.PostAsync("/api/geo/addresses/import", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), text);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("text/csv").And.Contain("application/geo+json"));
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AHundredMegabyteFile_Is413BeforeTheBodyIsRead()
    {
        var before = await CountAsync();
        var body = new GeneratedContent(100L * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/geo/addresses/import") { Content = body };

        // "Expect: 100-continue": the server answers on the headers, so the 413 arrives before a byte of the body is sent.
        request.Headers.ExpectContinue = true;
        using var response = await admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("51200 KiB"));
        Assert.That(body.Sent, Is.LessThan(body.Length), "the server refused before reading the whole body");
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetProblemAsync(string url)
    {
        using var response = await operatorClient.GetAsync(url);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(response.IsSuccessStatusCode ? "application/json" : "application/problem+json"), $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string csv, string query = "")
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await admin.PostAsync("/api/geo/addresses/import?" + query, content);
        if (!response.IsSuccessStatusCode)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }

        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Error(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()))
            : $"(no error for {field} in {problem})";

    private Task<long> CountAsync(string idLike = "%") =>
        running.Database.ScalarAsync<long>("SELECT COUNT(*) FROM addresses WHERE id LIKE @IdLike", new { IdLike = idLike });

    /// <summary>A CSV body of the given length, made as it is sent (nothing held in memory), counting what went out.</summary>
    private sealed class GeneratedContent : HttpContent
    {
        private static readonly byte[] Row = Encoding.UTF8.GetBytes($"T-BIG,上城区,云峰街道,,,,测试大院,1,,{Inside}\n");

        public GeneratedContent(long length)
        {
            Length = length;
            Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        }

        public long Length { get; }

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = Row[i % Row.Length];
            }

            while (Sent < Length)
            {
                var count = (int)Math.Min(chunk.Length, Length - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, count));
                Sent += count;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Length;
            return true;
        }
    }
}
