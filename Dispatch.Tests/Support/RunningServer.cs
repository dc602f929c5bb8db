namespace Dispatch.Tests.Support;

/// <summary>
/// A whole server for a fixture: a fresh database of the given engine, the server on a real port (reachable by
/// browsers, WebSocket and CLI clients), and an HttpClient on it. Disposed in reverse order.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(TestDatabase database, DispatchApp app, Uri address)
    {
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
        var app = new DispatchApp(database, rabbitMq, clock, settings);
        var server = new RunningServer(database, app, app.StartOnRealPort());
        await Eventually.GetAsync(async () => (await server.Http.GetAsync("/readyz")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(30), "the server to be ready");
        return server;
    }

    public Task<HubTestClient> ConnectHubAsync() => HubTestClient.ConnectAsync(Address, "/hubs/command");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
