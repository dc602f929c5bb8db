using System.Net;
using System.Net.Http.Json;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Security;

/// <summary>
/// A cookie is a pointer to a server-side session: signing out, a password reset, disabling the user, a new role
/// and the CLI's <c>users sessions --revoke</c> end it, and the user's open hub connections close.
/// </summary>
[NonParallelizable]
public sealed class SessionTests
{
    private RunningServer running = null!;

    [OneTimeSetUp]
    public async Task Start() => running = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [Test]
    public async Task Logout_EndsTheSessionForEveryCopyOfTheCookieAndClosesItsHub()
    {
        var cookie = await Session.SignInCookieAsync(running.Address, "operator");
        using var copy = WithCookie(cookie);
        await using var hub = await HubTestClient.ConnectAsync(running.Address, "/hubs/command", cookie);
        Assert.That((await copy.GetAsync("/api/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using (var session = await Session.SignInAsync(running.Address, "operator"))
        {
            // A second sign-in is its own session: ending it leaves the first alone.
            Assert.That((await session.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        Assert.That((await copy.GetAsync("/api/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var browser = await SignedInWith(cookie);
        Assert.That((await browser.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await copy.GetAsync("/api/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "at once on the node that ended it");
        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(async () => await HubTestClient.ConnectAsync(running.Address, "/hubs/command", cookie));
    }

    [Test]
    public async Task PasswordReset_Disable_AndRoleChange_EndTheUsersSessionsWithinSeconds()
    {
        var accounts = running.App.Services.GetRequiredService<AccountService>();
        await accounts.CreateAsync("s-reset", "重置", Roles.Supervisor, "330102", "reset-pass-1", "test", CancellationToken.None);
        await accounts.CreateAsync("s-disable", "停用", Roles.Supervisor, "330102", "disable-pass-1", "test", CancellationToken.None);
        await accounts.CreateAsync("s-role", "换岗", Roles.Operator, "330102007", "role-pass-1", "test", CancellationToken.None);
        using var reset = WithCookie(await Session.SignInCookieAsync(running.Address, "s-reset", "reset-pass-1"));
        using var disabled = WithCookie(await Session.SignInCookieAsync(running.Address, "s-disable", "disable-pass-1"));
        var roleCookie = await Session.SignInCookieAsync(running.Address, "s-role", "role-pass-1");
        using var role = WithCookie(roleCookie);
        await using var hub = await HubTestClient.ConnectAsync(running.Address, "/hubs/command", roleCookie);
        foreach (var client in new[] { reset, disabled, role })
        {
            Assert.That((await client.GetAsync("/api/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await accounts.ResetPasswordAsync("s-reset", "reset-pass-2", "test", CancellationToken.None);
        await accounts.SetDisabledAsync("s-disable", true, "test", CancellationToken.None);
        await using (var connection = await running.Database.OpenAsync())
        {
            // No verb changes a role yet; the check holds for any change to the user's row, however made.
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE users SET role = 'Supervisor', scope = '330102' WHERE user_name = 's-role'";
            await command.ExecuteNonQueryAsync();
        }

        foreach (var client in new[] { reset, disabled, role })
        {
            await Eventually.GetAsync(async () => (await client.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.Unauthorized ? "" : null,
                SessionValidator.CacheFor + TimeSpan.FromSeconds(5), "the old cookie to be refused");
        }

        await hub.Closed.WaitAsync(SessionWatcher.Every + SessionValidator.CacheFor + TimeSpan.FromSeconds(5));
        Assert.That(await running.Database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sessions-ended'"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Cli_ListsAUsersSessionsAndRevokeEndsThem()
    {
        var cookie = await Session.SignInCookieAsync(running.Address, "handler");
        using var client = WithCookie(cookie);
        await using var hub = await HubTestClient.ConnectAsync(running.Address, "/hubs/desk", cookie);
        var db = new[] { "--provider", running.Database.Provider.ToString(), "--connection", running.Database.ConnectionString };

        var (listed, list) = await RunAsync(["users", "sessions", "handler", .. db]);
        var (revoked, revokeText) = await RunAsync(["users", "sessions", "handler", "--revoke", .. db]);
        var (_, after) = await RunAsync(["users", "sessions", "handler", .. db]);
        var (unknown, _) = await RunAsync(["users", "sessions", "nobody", .. db]);

        Assert.That((listed, revoked, unknown), Is.EqualTo((0, 0, 1)), list + revokeText);
        Assert.That(list, Does.Contain("open").And.Contain("127.0.0.1"));
        Assert.That(revokeText, Does.Contain("Ended 1 session(s) of handler"));
        Assert.That(after, Does.Contain("ended").And.Not.Contain(" open "));
        await Eventually.GetAsync(async () => (await client.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.Unauthorized ? "" : null,
            SessionValidator.CacheFor + TimeSpan.FromSeconds(5), "the revoked cookie to be refused");
        await hub.Closed.WaitAsync(SessionWatcher.Every + TimeSpan.FromSeconds(5));
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = new HttpClient { BaseAddress = running.Address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A browser holding <paramref name="cookie"/> with its antiforgery token, to sign out as the page does.</summary>
    private async Task<HttpClient> SignedInWith(string cookie)
    {
        var client = WithCookie(cookie);
        var antiforgery = await client.GetAsync("/api/auth/antiforgery");
        var token = (await antiforgery.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", cookie + "; " + Session.CookiesOf(antiforgery));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        return client;
    }

    private static async Task<(int Exit, string Text)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var exit = await Cli.RunAsync(args, output, output);
        return (exit, output.ToString());
    }
}
