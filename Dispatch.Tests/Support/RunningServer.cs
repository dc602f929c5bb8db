using Dispatch.Server.Demo;
using Dispatch.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Support;

/// <summary>
/// A whole server for a fixture: a fresh database of the given engine, the server on a real port (reachable by
/// browsers, WebSocket and CLI clients), and an HttpClient on it. Disposed in reverse order.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly bool ownsDatabase;

    private RunningServer(TestDatabase database, DispatchApp app, Uri address, bool ownsDatabase = true)
    {
        this.ownsDatabase = ownsDatabase;
        Database = database;
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public TestDatabase Database { get; }

    public DispatchApp App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<RunningServer> StartAsync(
        string provider = "Sqlite", Uri? rabbitMq = null, TimeProvider? clock = null, IDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return await StartAsync(database, ownsDatabase: true, rabbitMq, clock, settings);
    }

    /// <summary>
    /// A server on a database the test keeps: to restart on the same data, or to run two nodes on one database.
    /// The database outlives this server.
    /// </summary>
    public static Task<RunningServer> StartOnAsync(
        TestDatabase database, Uri? rabbitMq = null, TimeProvider? clock = null, IDictionary<string, string>? settings = null) =>
        StartAsync(database, ownsDatabase: false, rabbitMq, clock, settings);

    private static async Task<RunningServer> StartAsync(
        TestDatabase database, bool ownsDatabase, Uri? rabbitMq, TimeProvider? clock, IDictionary<string, string>? settings)
    {
        var app = new DispatchApp(database, rabbitMq, clock, settings);
        var server = new RunningServer(database, app, app.StartOnRealPort(), ownsDatabase);
        await Eventually.GetAsync(async () => (await server.Http.GetAsync("/readyz")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(30), "the server to be ready");
        await server.EnsureAccountsAsync();
        return server;
    }

    /// <summary>A browser session signed in as one of the demo accounts (operator, responder, handler, supervisor, admin).</summary>
    public Task<HttpClient> AsAsync(string userName) => Session.SignInAsync(Address, userName);

    /// <summary>A machine client (the 110 platform, a sensor) with the demo API key: good for intake only.</summary>
    public HttpClient Machine() => Session.WithApiKey(Address);

    /// <summary>
    /// The demo accounts and API key with known secrets, created through the server's own services unless the
    /// demo seeder already made them (with the same names and secrets, see <see cref="Session.DemoSettings"/>).
    /// </summary>
    private async Task EnsureAccountsAsync()
    {
        var services = App.Services;
        if (await services.GetRequiredService<UserStore>().CountAsync(CancellationToken.None) > 0)
        {
            return;
        }

        var accounts = services.GetRequiredService<AccountService>();
        foreach (var (userName, displayName, role, scope) in DemoAccountsSeeder.Accounts)
        {
            await accounts.CreateAsync(userName, displayName, role, scope, Session.DemoPassword, "test", CancellationToken.None);
        }

        await services.GetRequiredService<ApiKeyStore>().CreateAsync("test-platform", Session.DemoApiKey, DateTimeOffset.UtcNow, "test", CancellationToken.None);
    }

    /// <summary>The command hub as a screen signed in as <paramref name="userName"/> sees it (admin: every incident).</summary>
    public async Task<HubTestClient> ConnectHubAsync(string userName = "admin") =>
        await HubTestClient.ConnectAsync(Address, "/hubs/command", await Session.SignInCookieAsync(Address, userName));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
