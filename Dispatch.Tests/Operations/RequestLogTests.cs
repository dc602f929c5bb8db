using System.Net;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Operations;

/// <summary>The request log records the status the client got, also when an exception handler wrote it.</summary>
[NonParallelizable]
public sealed class RequestLogTests
{
    [Test]
    public async Task ARequestAnsweredByTheExceptionHandler_IsLoggedWithItsRealStatus()
    {
        var database = Path.Combine(Path.GetTempPath(), $"dispatch-request-log-{Guid.NewGuid():N}.db");
        var server = new ServerProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dispatch"] = $"Data Source={database}",
            ["Bus:Transport"] = "InMemory",
            ["Demo:Feed"] = "false",
            ["Demo:Password"] = Session.DemoPassword,
            ["Demo:ApiKey"] = Session.DemoApiKey,
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
        });
        try
        {
            await server.StartAsync();
            using var admin = await Session.SignInAsync(server.Address, "admin");

            using var response = await admin.GetAsync("/api/incidents?page=abc");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var line = await Eventually.GetAsync(
                () => Task.FromResult(server.Log.Split('\n').FirstOrDefault(l => l.Contains("/api/incidents", StringComparison.Ordinal) && l.Contains("responded", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(10), "the request's log line");
            Assert.That(line, Does.Contain("\"StatusCode\":400"));
        }
        finally
        {
            await server.DisposeAsync();
            File.Delete(database);
        }
    }
}
