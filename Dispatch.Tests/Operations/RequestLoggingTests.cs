using System.Net;
using System.Text.Json;
using Dispatch.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dispatch.Tests.Operations;

/// <summary>The request log of the server as its own process (one JSON object per line, as in Production).</summary>
[NonParallelizable]
public sealed class RequestLoggingTests
{
    [Test]
    public async Task RequestThatFails_IsLoggedWithTheStatusTheClientGot500()
    {
        var database = Path.Combine(Path.GetTempPath(), $"dispatch-requestlog-{Guid.NewGuid():N}.db");
        var server = new ServerProcess(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dispatch"] = $"Data Source={database}",
            ["Bus:Transport"] = "InMemory",
            // Demo accounts run only in the Demo environment (never in Production); the log is the same.
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Demo:Feed"] = "false",
            ["Demo:Password"] = Session.DemoPassword,
            ["Demo:ApiKey"] = Session.DemoApiKey,
        });
        try
        {
            await server.StartAsync();
            using var admin = await Session.SignInAsync(server.Address, "admin");

            // A fault the server cannot turn into a 4xx: the table behind the route is gone.
            await using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                await connection.OpenAsync();
                await using var drop = connection.CreateCommand();
                drop.CommandText = "DROP TABLE units";
                await drop.ExecuteNonQueryAsync();
            }

            using var response = await admin.GetAsync("/api/units");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), await response.Content.ReadAsStringAsync());

            var logged = await Eventually.GetValueAsync<JsonElement>(() => Task.FromResult(RequestLine(server.Log, "/api/units")), TimeSpan.FromSeconds(10),
                "the request line of GET /api/units");
            Assert.That(logged.GetProperty("Properties").GetProperty("StatusCode").GetInt32(), Is.EqualTo(500), server.Log);
            Assert.That(logged.GetProperty("Level").GetString(), Is.EqualTo("Error"), "a server error is logged as an error");
        }
        finally
        {
            await server.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    /// <summary>The request-completion event of <paramref name="path"/> among the JSON lines the server wrote.</summary>
    private static JsonElement? RequestLine(string log, string path)
    {
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            var entry = JsonDocument.Parse(line).RootElement;
            if (entry.TryGetProperty("Properties", out var properties)
                && properties.TryGetProperty("RequestPath", out var p) && p.GetString() == path
                && properties.TryGetProperty("StatusCode", out _))
            {
                return entry.Clone();
            }
        }

        return null;
    }
}
