using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Dispatch.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Tests.Support;

/// <summary>
/// A screen as the tests see it: the official SignalR client, signed in with a session cookie, that keeps every
/// call the server makes (target and first argument, as JSON) in arrival order, so a test can wait for the one it
/// expects without missing what came before it subscribed.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<(string Target, JsonElement Argument)> calls = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Each hub's client contract: the client drops a call whose arity differs from its handler's, and the
    // responder's AssignmentChanged has one argument where the command screen's has two.
    private static readonly Dictionary<string, Type> Contracts = new()
    {
        ["/hubs/command"] = typeof(ICommandClient),
        ["/hubs/desk"] = typeof(IDeskClient),
        ["/hubs/responder"] = typeof(IResponderClient),
    };

    private HubTestClient(HubConnection connection, Type contract)
    {
        this.connection = connection;
        foreach (var method in contract.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            var types = method.GetParameters().Select(_ => typeof(JsonElement)).ToArray();
            var target = method.Name;
            connection.On(target, types, arguments =>
            {
                calls.Writer.TryWrite((target, (JsonElement)arguments[0]!));
                return Task.CompletedTask;
            });
        }

        connection.Closed += _ =>
        {
            calls.Writer.TryComplete();
            closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the server closes the connection (or it drops).</summary>
    public Task Closed => closed.Task;

    /// <summary>Connects over WebSockets; <paramref name="cookie"/> (a Cookie header value) signs the connection in.</summary>
    public static async Task<HubTestClient> ConnectAsync(Uri server, string hubPath, string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, hubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();
        var client = new HubTestClient(connection, Contracts[hubPath]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await connection.StartAsync(timeout.Token);
        return client;
    }

    /// <summary>Invokes a hub method and waits for its completion.</summary>
    public Task InvokeAsync(string target, params object[] arguments) => connection.InvokeCoreAsync(target, arguments);

    /// <summary>Waits for the server to call <paramref name="target"/> with a first argument that matches; calls before it are passed over.</summary>
    public async Task<JsonElement> WaitForCallAsync(string target, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var call = await calls.Reader.ReadAsync(cts.Token);
                if (call.Target == target && match(call.Argument))
                {
                    return call.Argument;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No call of {target} that matches within {timeout.TotalSeconds} s.");
        }
    }

    /// <summary>Every call the server makes, as it arrives (target and first argument), until cancelled or disconnected.</summary>
    public IAsyncEnumerable<(string Target, JsonElement Argument)> CallsAsync(CancellationToken cancellationToken) =>
        calls.Reader.ReadAllAsync(cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
