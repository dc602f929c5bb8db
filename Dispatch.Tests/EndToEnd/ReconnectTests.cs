using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// A wall display outlives a server restart: with the server process killed, the page says it is offline; when the
/// server is back it reconnects by itself, with the same sign-in, and shows what arrived meanwhile without a refresh.
/// </summary>
[NonParallelizable]
public sealed class ReconnectTests
{
    [Test]
    public async Task ServerKilledAndRestarted_PageShowsOfflineThenReconnectsAndCatchesUp()
    {
        var database = Path.Combine(Path.GetTempPath(), $"dispatch-reconnect-{Guid.NewGuid():N}.db");
        await using var server = new ServerProcess(new Dictionary<string, string>
        {
            // The browser app is served from the project's wwwroot, as `dotnet run` does.
            ["ASPNETCORE_CONTENTROOT"] = TestEnvironment.RepoFile("Dispatch.Server"),
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dispatch"] = $"Data Source={database}",
            ["Bus:Transport"] = "InMemory",
            // Demo accounts exist only in Development or the Demo environment.
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = Session.DemoPassword,
            ["Demo:ApiKey"] = Session.DemoApiKey,
        });
        await server.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await Browser.SignedInPageAsync(browser, server.Address, "/", "operator");
            var state = page.Locator("[data-testid=connection-state]");

            server.Kill();
            await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
            var shown = await state.InnerTextAsync();
            await server.StartAsync();

            // Posted the moment the server is back: pushed if the page has found it again, read on reconnection if not.
            var alertId = "110-reconnect-" + Guid.NewGuid().ToString("N")[..8];
            using var platform = Session.WithApiKey(server.Address);
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft",
                description = "重启期间报警：电动车被盗", address = "云峰路66号", location = new { lon = 120.2320, lat = 30.2820 },
            });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());

            await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 45_000 });
            await Assertions.Expect(page.Locator($"[data-testid=incident-row][data-incident-id='{IncidentReference.ForAlert(alertId)}']"))
                .ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.That(shown, Is.AnyOf("重连中", "离线"), "the page said it was away");
            Assert.That(await page.Locator("[data-testid=login]").IsHiddenAsync(), Is.True, "the sign-in survived the restart");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
