using Dispatch.Console.Security;
using Dispatch.Console.Intake;

namespace Dispatch.Console.Alerts;

/// <summary>
/// Where the CLI finds a Dispatch server and how it talks HTTP to it; shared by every verb. Sending to intake
/// itself is <see cref="IntakeSender"/>'s.
/// </summary>
public static class AlertSender
{
    public const string DefaultServer = "http://localhost:5080";
    public const string ServerEnvironmentVariable = "DISPATCH_SERVER";

    /// <summary>Intake waits up to 10 s for the bus; leave it room to answer 503 itself.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client carrying the command line's credentials (API key, or a signed-in user); see <see cref="Credentials"/>.</summary>
    public static HttpClient CreateHttpClient() => new(new CredentialsHandler(Credentials.Current)
    {
        InnerHandler = new SocketsHttpHandler
        {
            // Demo runs open up to a few connections at once; without this a long run keeps stale DNS forever.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        },
    })
    {
        Timeout = RequestTimeout,
    };

    /// <summary>Turns the <c>--server</c> text into a base address ending in '/', so relative paths append rather than replace.</summary>
    public static bool TryParseServer(string? text, out Uri server)
    {
        server = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        server = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return true;
    }

    /// <summary>For values the option validator already accepted.</summary>
    public static Uri ParseServer(string? text) =>
        TryParseServer(text, out var server) ? server : throw new ArgumentException($"'{text}' is not an http(s) URL.", nameof(text));

    public static string ServerText(Uri server) => server.AbsoluteUri.TrimEnd('/');

    public static SendFailed Unreachable(Uri server) => new(
        $"cannot reach {ServerText(server)}: is the server running? (dotnet run --project Dispatch.Server)", Unreachable: true);
}
