using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>
/// Hostile input against every route that takes a body or a query, by a caller allowed to use it: each answer is
/// a clear 4xx problem (never a 5xx), and nothing already stored is lost or changed.
/// </summary>
[NonParallelizable]
public sealed class HostileInputTests
{
    /// <summary>Who may call each body- or query-taking route (see the authorization matrix).</summary>
    private static readonly Dictionary<string, string> Caller = new()
    {
        ["POST /api/auth/login"] = "anonymous",
        ["POST /api/intake/alerts"] = "machine",
        ["POST /api/intake/grid-events"] = "machine",
        ["POST /api/incidents/{id}/route"] = "operator",
        ["POST /api/incidents/{id}/reclassify"] = "operator",
        ["POST /api/incidents/{id}/return"] = "handler",
        ["PUT /api/catalogue/categories/{code}"] = "admin",
        ["POST /api/catalogue/classify"] = "admin",
        ["POST /api/geo/areas/import"] = "admin",
        ["POST /api/units/{code}/location"] = "responder",
        ["POST /api/units/{code}/duty"] = "responder",
        ["POST /api/incidents/{id}/dispatch"] = "operator",
        ["POST /api/incidents/{id}/reinforcements"] = "operator",
        ["POST /api/incidents/{id}/resolve"] = "operator",
        ["POST /api/incidents/{id}/hand-over"] = "operator",
        ["POST /api/assignments/{id}/decline"] = "responder",
        ["PUT /api/organisations/{code}"] = "admin",
        ["POST /api/calendar/years"] = "admin",
        ["POST /api/task-orders"] = "operator",
        ["POST /api/task-orders/{order}/complete"] = "handler",
        ["POST /api/task-orders/{order}/return"] = "handler",
        ["POST /api/task-orders/{order}/request-delay"] = "handler",
        ["POST /api/task-orders/{order}/reject-delay"] = "supervisor",
        ["POST /api/task-orders/{order}/evaluate"] = "operator",
        ["POST /api/task-orders/{order}/reopen"] = "operator",
        ["POST /api/task-orders/{order}/reassign"] = "operator",
    };

    private static readonly string[] HostileBodies =
    [
        "{",                                                   // malformed JSON
        "[1,2,3]",                                             // wrong type at the root
        "null",
        "\"just a string\"",
        """{"zzz_unknown_field":1}""",                         // unknown field
        """{"alertId":123,"lon":"east","lat":true,"reason":[],"code":{}}""", // wrong types
        """{"lon":1e400,"lat":-1e400}""",                      // out of range numbers
        """{"description":"<script>alert(1)</script>'; DROP TABLE incidents; --","reason":"\u0000\u0007"}""",
        "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}", // nesting bomb
    ];

    private RunningServer running = null!;
    private readonly Dictionary<string, HttpClient> clients = [];
    private Guid incidentId;
    private Guid taskOrderId;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Security:LoginAttemptsPerMinute"] = "10000" });
        clients["anonymous"] = running.Http;
        clients["machine"] = running.Machine();
        foreach (var user in new[] { "operator", "handler", "admin", "responder", "supervisor" })
        {
            clients[user] = await running.AsAsync(user);
        }

        // One real incident, so that routes on {id} reach their validation rather than stopping at 404.
        var alertId = "110-hostile-base";
        await clients["machine"].PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "noise", description = "夜间噪音", location = new { lon = 120.215, lat = 30.29 } });
        incidentId = Dispatch.Server.Intake.IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await clients["admin"].GetAsync($"/api/incidents/{incidentId}")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(10), "the base incident");

        // One real task order of the demo handler's organisation, so that its steps reach their validation.
        var issued = await clients["operator"].PostAsJsonAsync("/api/task-orders", new { incidentId, organisationCode = "CG-YUNFENG", instructions = "核查噪音" });
        taskOrderId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var (name, client) in clients)
        {
            if (name != "anonymous")
            {
                client.Dispose();
            }
        }

        await running.DisposeAsync();
    }

    [Test]
    public async Task HostileBodies_AreRefusedWithA4xxProblemAndChangeNothing()
    {
        var before = await SnapshotAsync();
        var wrong = new List<string>();
        foreach (var (route, caller) in Caller)
        {
            foreach (var body in HostileBodies.Append(new string('x', 30 * 1024 * 1024)))
            {
                var (status, contentType) = await SendAsync(clients[caller], route, body);
                if ((int)status is < 400 or >= 500 || contentType != "application/problem+json")
                {
                    wrong.Add($"{route} with {Describe(body)}: {(int)status} {contentType}");
                }
            }
        }

        Assert.That(wrong, Is.Empty);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "nothing stored may change");
    }

    [TestCase("/api/geo/locate?lon=NaN&lat=Infinity")]
    [TestCase("/api/geo/locate?lon=1e400&lat=30")]
    [TestCase("/api/geo/areas?level=%3Cscript%3E,grid")]
    [TestCase("/api/units/nearest?lon=-Infinity&lat=30&limit=-5")]
    [TestCase("/api/incidents?from=99999-01-01&to=0001-01-01&page=-1&pageSize=999999")]
    [TestCase("/api/incidents?status=%3Cscript%3E")]
    [TestCase("/api/calendar/due?issued=1900-01-01T00:00:00%2B08:00&workingDays=100000")]
    [TestCase("/api/calendar/due?issued=not-a-date&workingDays=abc")]
    [TestCase("/api/calendar/years/99999")]
    [TestCase("/api/incidents/00000000-0000-0000-0000-000000000001/recommendations?limit=-1e400")]
    [TestCase("/api/task-orders?status=%3Cscript%3E&overdue=maybe&organisation=x")]
    [TestCase("/api/assessment?from=2025-13-45&to=yesterday&groupBy=planet&format=xls")]
    [TestCase("/api/assessment?from=2025-10-31&to=2025-10-01")]
    [TestCase("/api/assessment?from=1900-01-01&to=8999-01-01")]
    [TestCase("/api/audit/breaches?from=2025-10-01&to=2025-10-31&kind=%27%20OR%201%3D1")]
    [TestCase("/api/audit/breaches?from=2025-10-01&to=2025-10-31&format=xls&street=%27%20OR%201%3D1&organisation=%3Cscript%3E")]
    public async Task HostileQueries_AreAnsweredWithout5xx(string url)
    {
        var response = await clients["admin"].GetAsync(url);

        Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [Test]
    public async Task ScriptAndSqlInText_AreStoredAsTextAndReturnedUnchanged()
    {
        const string hostile = "<script>alert('x')</script>'); DELETE FROM incidents; --";
        var alertId = "110-hostile-text";

        await clients["machine"].PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = hostile, address = hostile });
        var id = Dispatch.Server.Intake.IncidentReference.ForAlert(alertId);
        var detail = await Eventually.GetValueAsync(async () =>
        {
            var r = await clients["admin"].GetAsync($"/api/incidents/{id}");
            return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), "the incident");

        Assert.That(detail.GetProperty("incident").GetProperty("description").GetString(), Is.EqualTo(hostile));
        Assert.That(await running.Database.ScalarAsync<int>("SELECT COUNT(*) FROM incidents"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task ReplayedAndDuplicateAlerts_OpenOneIncident()
    {
        var alert = new { alertId = "110-hostile-replay", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "重复报警" };
        using var watch = new BusWatch<AlertReceived>(running, a => a.AlertId == alert.alertId);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => clients["machine"].PostAsJsonAsync("/api/intake/alerts", alert)));

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
        await watch.ConsumedAsync(TimeSpan.FromSeconds(15), count: 10); // every copy handled: a second incident would exist by now
        Assert.That(await running.Database.ScalarAsync<int>("SELECT COUNT(*) FROM alerts WHERE alert_id = '110-hostile-replay'"), Is.EqualTo(1));
    }

    private async Task<(HttpStatusCode, string?)> SendAsync(HttpClient client, string route, string body)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var path = route[(space + 1)..]
            .Replace("{id}", incidentId.ToString(), StringComparison.Ordinal)
            .Replace("{order}", taskOrderId.ToString(), StringComparison.Ordinal)
            .Replace("/api/units/{code}", "/api/units/YF-PC01", StringComparison.Ordinal)
            .Replace("{code}", "hostile", StringComparison.Ordinal);
        if (path.StartsWith("/api/geo/areas/import", StringComparison.Ordinal))
        {
            path += "?level=grid&codeProp=code&nameProp=name";
        }

        using var request = new HttpRequestMessage(new HttpMethod(route[..space]), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // "Expect: 100-continue": the body goes only once the server asks for it, so a server that refuses the size
        // answers 413 before a byte of the body is sent, and the client reads that answer instead of a cut connection.
        request.Headers.ExpectContinue = true;
        try
        {
            using var response = await client.SendAsync(request);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException ex)
        {
            // A cut connection proves nothing about why it was cut: it is a failure, not a 413.
            return (0, "no answer: " + ex.Message);
        }
    }

    private async Task<string> SnapshotAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[] { "incidents", "alerts", "grid_events", "areas", "units", "organisations", "categories", "calendar_days", "users", "audit_log", "assignments", "task_orders", "task_order_events" })
        {
            counts.Add($"{table}={await running.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}")}");
        }

        counts.Add("units=" + await running.Database.ScalarAsync<string>("SELECT status FROM units WHERE code = 'YF-PC01'"));
        counts.Add("incident=" + await running.Database.ScalarAsync<string>("SELECT status || '/' || COALESCE(organisation_code, '') || '/' || version FROM incidents WHERE id = @Id", new { Id = incidentId.ToString() }));
        return string.Join(" ", counts);
    }

    private static string Describe(string body) => body.Length > 40 ? body[..40] + $"… ({body.Length} chars)" : body;
}
