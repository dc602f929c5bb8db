using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Operations;

public sealed class HealthEndpointsTests
{
    [Test]
    public async Task Readyz_WhenDatabaseAndBusAnswer_Answers200ListingEachCheck()
    {
        await using var running = await RunningServer.StartAsync();
        var http = running.Http;

        Assert.That((await http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var response = await http.GetAsync("/readyz");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>();
        var names = ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.That(names, Is.EquivalentTo(new[] { "database", "bus", "calendar", "classifier" }));
    }

    [Test]
    public async Task Readyz_WhenTheDatabaseIsGone_Answers503NamingTheDatabase()
    {
        await using var running = await RunningServer.StartAsync("PostgreSql");
        var (db, http) = (running.Database, running.Http);
        Assert.That((await http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Take the database away under the running server.
        var name = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString).Database;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var admin = new Npgsql.NpgsqlConnection(TestEnvironment.PostgresAdmin))
        {
            await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
        }

        var response = await http.GetAsync("/readyz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("database"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Not.Contain("bus is"));
    }

    [Test]
    public async Task OpenApi_DescribesTheIntakeAndIncidentRoutes()
    {
        await using var running = await RunningServer.StartAsync();
        var http = running.Http;

        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(paths, Does.Contain("/api/intake/alerts"));
        Assert.That(paths, Does.Contain("/api/incidents"));
        Assert.That(paths, Does.Contain("/api/incidents/{id}"));
        Assert.That((await http.GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
