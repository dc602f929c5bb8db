using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Security;

/// <summary>
/// Hostile input against every route of the server, by a caller allowed to use it: every (route × input) answers
/// the exact status the table below says, as an RFC 7807 problem a person can read; nothing stored changes; and the
/// server still answers its probes and a normal request afterwards. The routes come from the server's own endpoint
/// table, so a new route, a new query parameter or a new JSON body that this table does not describe fails the test.
/// </summary>
[NonParallelizable]
public sealed partial class HostileInputTests
{
    private RunningServer running = null!;
    private readonly Dictionary<string, HttpClient> clients = [];
    private JsonElement openApi;
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

        openApi = await running.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

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
    public void EveryRouteOfTheServer_IsInTheMatrix_WithItsBodyAndQueryParameters()
    {
        var endpoints = Endpoints();
        var wrong = new List<string>();
        wrong.AddRange(endpoints.Keys.Except(Routes.Keys).Select(r => $"{r}: a route the matrix does not describe"));
        wrong.AddRange(Routes.Keys.Except(endpoints.Keys).Select(r => $"{r}: in the matrix but not a route any more"));
        foreach (var (route, (acceptsJson, query)) in endpoints.Where(e => Routes.ContainsKey(e.Key)))
        {
            var surface = Routes[route];
            if (acceptsJson && !surface.Json)
            {
                wrong.Add($"{route}: takes a JSON body, but the matrix sends it none");
            }

            var described = surface.Query?.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            wrong.AddRange(query.Where(q => !described.Contains(q)).Select(q => $"{route}: query parameter '{q}' is not in the matrix"));
            wrong.AddRange(described.Where(q => !query.Contains(q, StringComparer.OrdinalIgnoreCase)).Select(q => $"{route}: the matrix names query parameter '{q}', which the route does not read"));
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public async Task EveryRoute_AnswersEachHostileInputWithItsExactStatus_AndTheServerStaysHealthy()
    {
        var before = await SnapshotAsync();
        var wrong = new List<string>();
        var cells = 0;
        foreach (var (route, surface) in Routes)
        {
            foreach (var (input, send) in InputsFor(route, surface))
            {
                cells++;
                var expected = surface.Except?.TryGetValue(input, out var special) == true ? special : DefaultFor(input, surface);
                var answer = await send();
                TestContext.Out.WriteLine($"{route} | {input} | {answer.Status} (expected {expected})");
                if (answer.Status != expected)
                {
                    wrong.Add($"{route} with {input}: expected {expected}, got {answer.Status} {Short(answer.Body)}");
                }
                else if (expected >= 400 && HostileInputs.WhyNotAProblem(answer.Status, answer.ContentType, answer.Body) is { } why)
                {
                    wrong.Add($"{route} with {input}: {answer.Status} but not a readable problem ({why}): {Short(answer.Body)}");
                }
            }
        }

        TestContext.Out.WriteLine($"{Routes.Count} routes, {cells} (route × input) cells");
        wrong.ForEach(w => TestContext.Out.WriteLine("WRONG " + w));
        Assert.That(wrong, Is.Empty);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "nothing stored may change");

        // Still healthy: the probes and an ordinary request by every kind of caller.
        Assert.That((await running.Http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await running.Http.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clients["admin"].GetAsync($"/api/incidents/{incidentId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clients["machine"].PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-hostile-after", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "之后" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Accepted));
        using var fresh = await running.AsAsync("operator");
        Assert.That((await fresh.GetAsync("/api/triage")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
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
    public async Task DuplicateSubmissions_AnswerTheFirstResult_AndAStepOutOfOrderIsAConflict()
    {
        // Issuing again for the same incident and organisation answers the order already issued (200), not a second.
        var again = await clients["operator"].PostAsJsonAsync("/api/task-orders", new { incidentId, organisationCode = "CG-YUNFENG", instructions = "核查噪音" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), Is.EqualTo(taskOrderId));

        // A step sent twice (a retry after a lost answer) is the same step: 200 both times, the order accepted once.
        var statuses = new List<int>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var answer = await clients["handler"].PostAsync($"/api/task-orders/{taskOrderId}/accept", null);
            statuses.Add((int)answer.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 200, 200 }));

        // A step the order is not ready for is a 409 problem that says why.
        using var early = await clients["operator"].PostAsync($"/api/task-orders/{taskOrderId}/close", null);
        Assert.That((int)early.StatusCode, Is.EqualTo(409));
        Assert.That(HostileInputs.WhyNotAProblem(409, early.Content.Headers.ContentType?.MediaType, await early.Content.ReadAsStringAsync()), Is.Null);
        Assert.That(await running.Database.ScalarAsync<long>("SELECT COUNT(*) FROM task_orders"), Is.EqualTo(1));
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

    /// <summary>The default answer to an input; the table's exceptions say where a route differs, and why.</summary>
    private static int DefaultFor(string input, Surface surface)
    {
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = (input[..colon], input[(colon + 1)..]);
        return kind switch
        {
            "body" => name switch
            {
                "wrong content type" => 415,
                "oversize body" => 413,
                _ => 400,
            },
            "path" => 404,
            _ => HostileInputs.Expected(surface.Query![kind].Kind, name),
        };
    }

    private IEnumerable<(string Input, Func<Task<Answer>> Send)> InputsFor(string route, Surface surface)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = route[..space];
        var template = route[(space + 1)..];
        var path = Fill(template, known: true);
        var baseQuery = surface.Query?.Where(q => q.Value.Valid is not null).Select(q => $"{q.Key}={q.Value.Valid}").ToList() ?? [];
        var client = clients[surface.Caller == "none" ? "anonymous" : surface.Caller];
        if (surface.Caller == "none")
        {
            yield break; // signing out has neither body nor query: nothing hostile to send
        }

        if (surface.Json)
        {
            var schema = surface.Fields ?? RequestSchema.Of(openApi, method, template);
            foreach (var body in HostileInputs.Bodies)
            {
                if (body.Make(schema) is { } made)
                {
                    yield return ("body:" + body.Name, () => SendAsync(client, method, WithQuery(path, baseQuery), made));
                }
            }
        }

        foreach (var (parameter, _) in surface.Query ?? [])
        {
            foreach (var (name, value) in HostileInputs.QueryValues)
            {
                var query = baseQuery.Where(q => !q.StartsWith(parameter + "=", StringComparison.Ordinal)).Append($"{parameter}={value}").ToList();
                yield return ($"{parameter}:{name}", () => SendAsync(client, method, WithQuery(path, query), EmptyJson(method)));
            }
        }

        if (template.Contains('{', StringComparison.Ordinal) && !template.StartsWith("/openapi", StringComparison.Ordinal))
        {
            // With a valid body where one is known, so that the id is all that is wrong.
            var body = surface.Valid is { } valid ? (Encoding.UTF8.GetBytes(valid), "application/json", null) : EmptyJson(method);
            yield return ("path:unknown id", () => SendAsync(client, method, WithQuery(Fill(template, known: false), baseQuery), body));
        }
    }

    private static (byte[], string, long?)? EmptyJson(string method) => method == "GET" ? null : ("{}"u8.ToArray(), "application/json", null);

    private static string WithQuery(string path, List<string> query) => query.Count == 0 ? path : path + "?" + string.Join("&", query);

    private string Fill(string template, bool known) => template
        .Replace("/api/incidents/{id}", "/api/incidents/" + (known ? incidentId.ToString() : UnknownGuid), StringComparison.Ordinal)
        .Replace("/api/task-orders/{id}", "/api/task-orders/" + (known ? taskOrderId.ToString() : UnknownGuid), StringComparison.Ordinal)
        // A well-formed alarm id that names no alarm: a malformed one is a 400, not the 404 this input is for.
        .Replace("/api/alarms/{id}", "/api/alarms/urgent-" + UnknownGuid, StringComparison.Ordinal)
        .Replace("{id}", UnknownGuid, StringComparison.Ordinal)
        .Replace("/api/units/{code}", "/api/units/" + (known ? "YF-PC01" : "NO-SUCH-UNIT"), StringComparison.Ordinal)
        .Replace("/api/catalogue/categories/{code}", "/api/catalogue/categories/" + (known ? "noise" : "no-such-category"), StringComparison.Ordinal)
        .Replace("/api/organisations/{code}", "/api/organisations/" + (known ? "CG-YUNFENG" : "NO-SUCH-ORG"), StringComparison.Ordinal)
        .Replace("{year}", known ? "2026" : "2199", StringComparison.Ordinal)
        .Replace("{documentName}", known ? "v1" : "nope", StringComparison.Ordinal);

    private static async Task<Answer> SendAsync(HttpClient client, string method, string path, (byte[] Bytes, string ContentType, long? DeclaredLength)? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is { } b)
        {
            var content = new ByteArrayContent(b.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(b.ContentType);
            if (b.DeclaredLength is { } declared)
            {
                // Only the header claims the size: with "Expect: 100-continue" the body goes once the server asks for
                // it, so a server that refuses the size answers 413 before a byte of the body is sent. A server that
                // asked for it anyway gets a short body and cuts the connection: that is the failure it should be.
                content = new ByteArrayContent([]);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(b.ContentType);
                content.Headers.ContentLength = declared;
                request.Headers.ExpectContinue = true;
            }

            request.Content = content;
        }

        try
        {
            using var response = await client.SendAsync(request);
            return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            // A cut connection proves nothing about why it was cut: it is a failure, never a 413.
            return new Answer(0, null, "no answer: " + ex.Message);
        }
    }

    /// <summary>Each route of the endpoint table: whether it declares a JSON body, and the query parameters it binds.</summary>
    private Dictionary<string, (bool AcceptsJson, List<string> Query)> Endpoints()
    {
        var services = running.App.Services;
        var query = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .GroupBy(d => $"{d.HttpMethod} {Normalise("/" + d.RelativePath)}")
            .ToDictionary(g => g.Key, g => g.SelectMany(d => d.ParameterDescriptions)
                .Where(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query).Select(p => p.Name).Distinct().ToList());
        var routes = new Dictionary<string, (bool, List<string>)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            if (pattern.StartsWith("/hubs/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods)
            {
                continue; // hubs (their own origin and authorization tests) and the app shell's fallback
            }

            foreach (var method in methods.HttpMethods)
            {
                var key = $"{method} {pattern}";
                var acceptsJson = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal)) ?? false;
                routes[key] = (acceptsJson, query.GetValueOrDefault(key) ?? []);
            }
        }

        return routes;
    }

    /// <summary>"/api/units/" → "/api/units"; "{id:guid}" → "{id}".</summary>
    private static string Normalise(string pattern)
    {
        var path = Constraint().Replace(pattern.Length > 1 ? pattern.TrimEnd('/') : pattern, "{$1}");
        return path.StartsWith('/') ? path : "/" + path;
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex Constraint();

    private async Task<string> SnapshotAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[] { "incidents", "alerts", "grid_events", "areas", "units", "organisations", "categories", "calendar_days", "users", "assignments", "task_orders", "task_order_events" })
        {
            counts.Add($"{table}={await running.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}")}");
        }

        counts.Add("units=" + await running.Database.ScalarAsync<string>("SELECT status FROM units WHERE code = 'YF-PC01'"));
        counts.Add("incident=" + await running.Database.ScalarAsync<string>("SELECT status || '/' || COALESCE(organisation_code, '') || '/' || version FROM incidents WHERE id = @Id", new { Id = incidentId.ToString() }));
        return string.Join(" ", counts);
    }

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private sealed record Answer(int Status, string? ContentType, string Body);
}
