using System.Net;
using System.Net.WebSockets;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>The hubs answer the server's own pages and configured origins only, whatever the transport.</summary>
[NonParallelizable]
public sealed class HubOriginTests
{
    private const string Allowed = "https://dispatch.example.gov.cn";
    private RunningServer running = null!;
    private string cookie = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = Allowed });
        cookie = await Session.SignInCookieAsync(running.Address, "operator");
    }

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    private string Own => running.Address.GetLeftPart(UriPartial.Authority);

    [Test]
    public async Task WebSocket_FromAnotherOrigin_IsRefusedEvenWithTheCookie()
    {
        Assert.That(await ConnectAsync("https://evil.example.com"), Is.False);
        Assert.That(await ConnectAsync("https://other." + running.Address.Host), Is.False, "another origin of the same site");
        Assert.That(await ConnectAsync("null"), Is.False, "a sandboxed frame");
        Assert.That(await ConnectAsync(Own), Is.True, "the server's own page");
        Assert.That(await ConnectAsync(Allowed), Is.True, "an origin in Security:AllowedOrigins");
        Assert.That(await ConnectAsync(null), Is.True, "no Origin: not a browser, left to authentication");
    }

    [TestCase("/hubs/command/negotiate?negotiateVersion=1", "POST")]
    [TestCase("/hubs/responder/negotiate?negotiateVersion=1", "POST")]
    [TestCase("/hubs/desk/negotiate?negotiateVersion=1", "POST")]
    [TestCase("/hubs/command?id=any", "GET")]
    public async Task NegotiateSseAndLongPolling_FromAnotherOrigin_AreRefused(string path, string method)
    {
        using var client = new HttpClient { BaseAddress = running.Address };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", "https://evil.example.com");
        request.Headers.Add("Accept", "text/event-stream");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(null, "h:1", true)]
    [TestCase("http://h:1", "h:1", true)]
    [TestCase("https://h", "h", true)]
    [TestCase("HTTPS://H", "h", true)]
    [TestCase("https://h:8443", "h", false)]
    [TestCase("https://h.evil", "h", false)]
    [TestCase("null", "h", false)]
    [TestCase("ftp://h", "h", false)]
    public void Allows_OnlyTheSameHostOrAConfiguredOrigin(string? origin, string host, bool expected) =>
        Assert.That(HubOriginCheck.Allows(origin, host, []), Is.EqualTo(expected));

    private async Task<bool> ConnectAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(new UriBuilder(running.Address) { Scheme = "ws", Path = "/hubs/command" }.Uri, CancellationToken.None);
            return socket.State == WebSocketState.Open;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }
}
