using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Dispatch.Console.Screens;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over a raw WebSocket (Microsoft.AspNetCore.SignalR.Client does
/// not restore from our package source). Enough to subscribe and to collect what the server pushes; used by
/// <c>dispatch bench</c> and by the tests.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonElement> messages = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource stop = new();
    private Task? reader;
    private int invocationId;

    /// <summary>Connects and completes the handshake; <paramref name="cookie"/> (a Cookie header value) signs the socket in.</summary>
    public static async Task<HubClient> ConnectAsync(Uri server, string hubPath, string? cookie = null)
    {
        var client = new HubClient();
        if (cookie is not null)
        {
            client.socket.Options.SetRequestHeader("Cookie", cookie);
        }

        var ws = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = hubPath }.Uri;
        await client.socket.ConnectAsync(ws, CancellationToken.None);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        client.reader = Task.Run(client.ReadLoopAsync);
        var handshake = await client.NextAsync(TimeSpan.FromSeconds(10));
        if (handshake.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Handshake refused: {error}");
        }

        return client;
    }

    /// <summary>Completes when the server closes the connection (or it drops).</summary>
    public Task Closed => reader ?? Task.CompletedTask;

    /// <summary>Invokes a hub method and waits for its completion.</summary>
    public async Task InvokeAsync(string target, params object[] arguments)
    {
        var id = Interlocked.Increment(ref invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        var completion = await WaitForAsync(m => m.GetProperty("type").GetInt32() == 3 && m.GetProperty("invocationId").GetString() == id, TimeSpan.FromSeconds(10));
        if (completion.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{target} failed: {error}");
        }
    }

    /// <summary>Waits for the server to call <paramref name="target"/> with a first argument that matches.</summary>
    public async Task<JsonElement> WaitForCallAsync(string target, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var call = await WaitForAsync(m => m.GetProperty("type").GetInt32() == 1 && m.GetProperty("target").GetString() == target && match(m.GetProperty("arguments")[0]), timeout);
        return call.GetProperty("arguments")[0];
    }

    /// <summary>Every call the server makes, as it arrives (target and first argument), until cancelled or disconnected.</summary>
    public async IAsyncEnumerable<(string Target, JsonElement Argument)> CallsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in messages.Reader.ReadAllAsync(cancellationToken))
        {
            if (message.GetProperty("type").GetInt32() == 1)
            {
                yield return (message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0]);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may already be gone; closing is best effort.
            }
        }

        socket.Dispose();
        stop.Dispose();
    }

    private async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await messages.Reader.ReadAsync(cts.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching hub message within {timeout.TotalSeconds} s.");
        }
    }

    private async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await messages.Reader.ReadAsync(cts.Token);
    }

    private Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoder = Encoding.UTF8.GetDecoder(); // a Chinese character may straddle two reads
        var pending = new StringBuilder();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                pending.Append(chars, 0, decoder.GetChars(buffer, 0, result.Count, chars, 0));
                var text = pending.ToString();
                var last = text.LastIndexOf(RecordSeparator);
                if (last < 0)
                {
                    continue;
                }

                foreach (var frame in text[..last].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    messages.Writer.TryWrite(JsonDocument.Parse(frame).RootElement.Clone());
                }

                pending.Clear().Append(text[(last + 1)..]);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (WebSocketException)
        {
            // The server went away; waits time out with a clear message.
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }
}
