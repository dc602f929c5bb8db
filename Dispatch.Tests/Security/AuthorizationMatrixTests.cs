using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>
/// Every route of the OpenAPI document × every role and anonymous → allowed or refused, against the real server.
/// A new route that this table does not cover fails the test, so no endpoint is born unprotected. Within a role, what
/// each scope reaches is <see cref="StreetIsolationTests"/>: two streets, nothing crossing.
/// </summary>
[NonParallelizable]
public sealed class AuthorizationMatrixTests
{
    private const string Anonymous = "anonymous";
    private const string Machine = "Machine";
    private static readonly string[] People = ["Operator", "Responder", "DepartmentHandler", "Supervisor", "Admin"];
    private static readonly string[] Everyone = [Anonymous, Machine, .. People];
    private static readonly string[] Readers = ["Operator", "Supervisor", "Admin"];
    private static readonly string[] Field = ["Responder", "Operator"];

    /// <summary>Who may call each route. Everyone else: 401 when anonymous, 403 when signed in.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /healthz"] = Everyone,
        ["GET /readyz"] = Everyone,
        ["GET /metrics"] = ["Supervisor", "Admin"],
        ["POST /api/auth/login"] = Everyone,
        ["POST /api/auth/logout"] = People,
        ["GET /api/auth/me"] = People,
        ["GET /api/auth/antiforgery"] = People,
        ["POST /api/intake/alerts"] = [Machine, "Operator", "Admin"],
        ["POST /api/intake/grid-events"] = [Machine, "Operator", "Admin"],
        ["GET /api/incidents"] = Readers,
        ["GET /api/incidents/{id}"] = Readers,
        ["GET /api/incidents/open"] = Readers,
        ["GET /api/alarms"] = Readers,
        ["POST /api/alarms/{id}/acknowledge"] = ["Operator", "Supervisor"],
        ["POST /api/alarms/acknowledge-all"] = ["Operator", "Supervisor"],
        ["GET /api/triage"] = Readers,
        ["POST /api/incidents/{id}/route"] = ["Operator"],
        ["POST /api/incidents/{id}/reclassify"] = ["Operator"],
        ["POST /api/incidents/{id}/return"] = ["DepartmentHandler"],
        ["GET /api/catalogue/categories"] = People,
        ["GET /api/catalogue/categories/{code}"] = People,
        ["PUT /api/catalogue/categories/{code}"] = ["Admin"],
        ["POST /api/catalogue/classify"] = Readers,
        ["GET /api/catalogue/model"] = Readers,
        ["GET /api/catalogue/corrections"] = ["Admin"],
        ["GET /api/geo/locate"] = People,
        ["GET /api/geo/areas"] = People,
        ["GET /api/geo/map"] = People,
        ["POST /api/geo/areas/import"] = ["Admin"],
        ["POST /api/geo/addresses/import"] = ["Admin"],
        ["GET /api/geo/addresses"] = ["Operator"],
        ["GET /api/geo/addresses/match"] = ["Operator"],
        ["POST /api/incidents/{id}/address"] = ["Operator"],
        ["GET /api/units"] = Readers,
        ["GET /api/units/nearest"] = Readers,
        ["GET /api/units/mine"] = ["Responder"],
        ["GET /api/units/{code}"] = Readers,
        ["PUT /api/units/{code}"] = ["Admin"],
        ["POST /api/units/{code}/location"] = ["Responder", Machine],
        ["POST /api/units/{code}/duty"] = Field,
        ["GET /api/incidents/{id}/recommendations"] = Readers,
        ["POST /api/incidents/{id}/dispatch"] = ["Operator"],
        ["GET /api/incidents/{id}/caller-phones"] = Field,
        ["POST /api/incidents/{id}/reinforcements"] = Field,
        ["POST /api/incidents/{id}/resolve"] = Field,
        ["POST /api/incidents/{id}/hand-over"] = Field,
        ["POST /api/incidents/{id}/linkages"] = ["Operator"],
        ["GET /api/assignments/mine"] = ["Responder"],
        ["GET /api/assignments/{id}"] = Field,
        ["POST /api/assignments/{id}/acknowledge"] = Field,
        ["POST /api/assignments/{id}/en-route"] = Field,
        ["POST /api/assignments/{id}/on-scene"] = Field,
        ["POST /api/assignments/{id}/clear"] = Field,
        ["POST /api/assignments/{id}/decline"] = Field,
        ["GET /api/organisations"] = People,
        ["GET /api/organisations/{code}"] = People,
        ["PUT /api/organisations/{code}"] = ["Admin"],
        ["GET /api/calendar/status"] = People,
        ["GET /api/calendar/due"] = People,
        ["GET /api/calendar/years"] = People,
        ["GET /api/calendar/years/{year}"] = People,
        ["POST /api/calendar/years"] = ["Admin"],
        ["GET /api/task-orders"] = People,
        ["POST /api/task-orders"] = ["Operator"],
        ["GET /api/task-orders/{id}"] = People,
        ["POST /api/task-orders/{id}/accept"] = ["DepartmentHandler"],
        ["POST /api/task-orders/{id}/complete"] = ["DepartmentHandler"],
        ["POST /api/task-orders/{id}/return"] = ["DepartmentHandler"],
        ["POST /api/task-orders/{id}/request-delay"] = ["DepartmentHandler"],
        ["POST /api/task-orders/{id}/approve-delay"] = ["Supervisor", "Admin"],
        ["POST /api/task-orders/{id}/reject-delay"] = ["Supervisor", "Admin"],
        ["POST /api/task-orders/{id}/evaluate"] = ["Operator"],
        ["POST /api/task-orders/{id}/reopen"] = ["Operator"],
        ["POST /api/task-orders/{id}/close"] = ["Operator"],
        ["POST /api/task-orders/{id}/reassign"] = ["Operator"],
        ["GET /api/assessment"] = ["Supervisor", "Admin"],
        ["GET /api/audit/breaches"] = ["Supervisor", "Admin"],
    };

    private static readonly Dictionary<string, string> UserOf = new()
    {
        ["Operator"] = "operator", ["Responder"] = "responder", ["DepartmentHandler"] = "handler", ["Supervisor"] = "supervisor", ["Admin"] = "admin",
    };

    private RunningServer running = null!;
    private readonly Dictionary<string, HttpClient> clients = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string> { ["Security:LoginAttemptsPerMinute"] = "1000" });
        clients[Anonymous] = running.Http;
        clients[Machine] = running.Machine();
        foreach (var (role, user) in UserOf)
        {
            clients[role] = await running.AsAsync(user);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var (role, client) in clients)
        {
            if (role != Anonymous)
            {
                client.Dispose();
            }
        }

        await running.DisposeAsync();
    }

    [Test]
    public async Task EveryRouteInTheOpenApiDocument_IsInTheMatrix()
    {
        var routes = await RoutesAsync();

        Assert.That(routes.Except(Allowed.Keys), Is.Empty, "routes without an entry in the authorization matrix");
        Assert.That(Allowed.Keys.Except(routes), Is.Empty, "matrix entries for routes that no longer exist");
    }

    [Test]
    public async Task EveryRoute_ForEveryRole_IsAllowedOrRefusedAsTheMatrixSays()
    {
        var wrong = new List<string>();
        foreach (var route in await RoutesAsync())
        {
            if (!Allowed.TryGetValue(route, out var allowed))
            {
                continue; // reported by the other test
            }

            foreach (var role in Everyone)
            {
                // Signing out really ends the session: it gets a session of its own, so the others stay signed in.
                using var own = route == "POST /api/auth/logout" && UserOf.TryGetValue(role, out var user) ? await running.AsAsync(user) : null;
                var status = await CallAsync(own ?? clients[role], route);
                var expected = allowed.Contains(role) ? "allowed" : role == Anonymous ? "401" : "403";
                // A 5xx is never "allowed": the route let the caller in and then broke, which no role may see.
                var actual = status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    >= HttpStatusCode.InternalServerError => "a server error",
                    _ => "allowed",
                };
                if (actual != expected)
                {
                    wrong.Add($"{route} as {role}: expected {expected}, got {(int)status}");
                }
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [TestCase(Anonymous, HttpStatusCode.Unauthorized)]
    [TestCase("Responder", HttpStatusCode.Forbidden)]
    [TestCase("DepartmentHandler", HttpStatusCode.Forbidden)]
    [TestCase(Machine, HttpStatusCode.Forbidden)]
    [TestCase("Operator", HttpStatusCode.OK)]
    [TestCase("Supervisor", HttpStatusCode.OK)]
    public async Task Hub_IsOpenOnlyToThoseWhoWatchTheQueue(string role, HttpStatusCode expected)
    {
        var response = await clients[role].PostAsync("/hubs/command/negotiate?negotiateVersion=1", null);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [TestCase(Anonymous, HttpStatusCode.Unauthorized)]
    [TestCase("Operator", HttpStatusCode.Forbidden)]
    [TestCase("Admin", HttpStatusCode.Forbidden)]
    [TestCase(Machine, HttpStatusCode.Forbidden)]
    [TestCase("Responder", HttpStatusCode.OK)]
    public async Task ResponderHub_IsOpenOnlyToResponders(string role, HttpStatusCode expected)
    {
        var response = await clients[role].PostAsync("/hubs/responder/negotiate?negotiateVersion=1", null);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [TestCase("Responder", HttpStatusCode.Forbidden)]
    [TestCase(Machine, HttpStatusCode.Forbidden)]
    [TestCase("DepartmentHandler", HttpStatusCode.OK)]
    [TestCase("Operator", HttpStatusCode.OK)]
    [TestCase("Supervisor", HttpStatusCode.OK)]
    public async Task DeskHub_IsOpenToThoseWhoWorkOrWatchTaskOrders(string role, HttpStatusCode expected)
    {
        var response = await clients[role].PostAsync("/hubs/desk/negotiate?negotiateVersion=1", null);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    private async Task<List<string>> RoutesAsync()
    {
        var document = await running.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
    }

    /// <summary>Calls a route with harmless arguments: authorization is decided before any of them is read.</summary>
    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(route[..space]);
        var path = route[(space + 1)..]
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{year}", "2026", StringComparison.Ordinal)
            .Replace("/api/units/{code}", "/api/units/YF-PC01", StringComparison.Ordinal)
            .Replace("{code}", "nope", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
