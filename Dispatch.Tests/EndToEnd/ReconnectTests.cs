using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.EndToEnd;

/// <summary>
/// A wall display outlives its server, on the production setup (PostgreSQL, RabbitMQ, Production): when the server
/// goes — crashed or stopped for an update — the page says so within 5 s; when it is back the page reconnects by
/// itself within 5 s, with the same sign-in, and shows what arrived meanwhile without a refresh.
/// </summary>
[NonParallelizable]
public sealed class ReconnectTests
{
    private const string OperatorPassword = "reconnect-operator-secret-1";

    /// <summary>The most a screen may stay blind, or look live while it is not (issue 19).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [TestCase(false, TestName = "ServerKilled_PageShowsOfflineWithin5s_ReconnectsWithin5sOfItsReturn_AndCatchesUp")]
    [TestCase(true, TestName = "ServerStoppedGracefully_PageShowsOfflineWithin5s_ReconnectsWithin5sOfItsReturn_AndCatchesUp")]
    public async Task ServerGoesAndComesBack(bool graceful)
    {
        await using var install = await ProductionInstall.OnNewDatabaseAsync();
        await install.StartServerAsync();
        await install.AddUserAsync("duty-qian", "Operator", "330102007", "值班 钱八", OperatorPassword);
        var server = install.Server;

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
            await Browser.SignInAsync(page, server.Address, "/", "duty-qian", OperatorPassword);
            var state = page.Locator("[data-testid=connection-state]");
            await WatchStatesAsync(page);

            var gone = DateTimeOffset.UtcNow;
            if (graceful)
            {
                await server.StopAsync();
            }
            else
            {
                server.Kill();
            }

            // Generous waits: the figure asserted is the page's own time of change, not how fast the test noticed it.
            await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
            var shown = await state.InnerTextAsync();
            var away = await FirstChangeAsync(page, s => s != "connected");
            Assert.That(away - gone, Is.LessThanOrEqualTo(Limit), $"the page looked live for {(away - gone).TotalSeconds:0.0} s after the server went");

            await server.StartAsync();
            var back = DateTimeOffset.UtcNow; // the server answers /readyz from here on

            // Posted the moment the server is back: pushed if the page has found it again, read on reconnection if not.
            var alertId = "110-reconnect-" + Guid.NewGuid().ToString("N")[..8];
            using var platform = Session.WithApiKey(server.Address, install.PlatformKey);
            var posted = await platform.PostAsJsonAsync("/api/intake/alerts", new
            {
                alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), categoryCode = "theft",
                description = "重启期间报警：电动车被盗", address = "云峰路66号", location = new { lon = 120.2320, lat = 30.2820 },
            });
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());

            await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
            var live = await FirstChangeAsync(page, s => s == "connected", after: away);
            Assert.That(live - back, Is.LessThanOrEqualTo(Limit), $"the page found the server {(live - back).TotalSeconds:0.0} s after it was back");
            await Assertions.Expect(page.Locator($"[data-testid=incident-row][data-incident-id='{IncidentReference.ForAlert(alertId)}']"))
                .ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.That(shown, Is.AnyOf("重连中", "离线"), "the page said it was away");
            Assert.That(await page.Locator("[data-testid=login]").IsHiddenAsync(), Is.True, "the sign-in survived the restart");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Test]
    public async Task NetworkLost_PageShowsOfflineWithin5s_AndReconnectsWithin5sOfItsReturn()
    {
        await using var install = await ProductionInstall.OnNewDatabaseAsync();
        await install.StartServerAsync();
        await install.AddUserAsync("duty-sun", "Operator", "330102007", "值班 孙九", OperatorPassword);

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
            var page = await context.NewPageAsync();
            await Browser.SignInAsync(page, install.Server.Address, "/", "duty-sun", OperatorPassword);
            var state = page.Locator("[data-testid=connection-state]");
            await WatchStatesAsync(page);

            // The cable is pulled: no close frame, nothing at all — only the missing pings tell.
            var cut = DateTimeOffset.UtcNow;
            await context.SetOfflineAsync(true);
            await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
            var away = await FirstChangeAsync(page, s => s != "connected");
            Assert.That(away - cut, Is.LessThanOrEqualTo(Limit), $"the page looked live for {(away - cut).TotalSeconds:0.0} s without a network");

            var back = DateTimeOffset.UtcNow;
            await context.SetOfflineAsync(false);
            await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
            var live = await FirstChangeAsync(page, s => s == "connected", after: away);
            Assert.That(live - back, Is.LessThanOrEqualTo(Limit), $"the page found the server {(live - back).TotalSeconds:0.0} s after the network was back");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Records in the page the time of every change of the connection light, by the page's own clock.</summary>
    private static async Task WatchStatesAsync(IPage page) => await page.EvaluateAsync(
        """
        () => {
          const light = document.querySelector('[data-testid=connection-state]');
          window.__states = [];
          new MutationObserver(() => window.__states.push({ state: light.dataset.state, at: Date.now() }))
            .observe(light, { attributes: true, attributeFilter: ['data-state'] });
        }
        """);

    private static async Task<DateTimeOffset> FirstChangeAsync(IPage page, Func<string, bool> match, DateTimeOffset? after = null)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__states)");
        var changes = JsonSerializer.Deserialize<Change[]>(json, JsonSerializerOptions.Web)!;
        var first = changes
            .Select(c => (c.State, At: DateTimeOffset.FromUnixTimeMilliseconds(c.At)))
            .First(c => match(c.State) && (after is null || c.At >= after));
        return first.At;
    }

    private sealed record Change(string State, long At);
}
