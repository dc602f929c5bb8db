using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Server.Intake;

namespace Dispatch.Console.Alerts;

/// <summary>What became of one alert sent to intake.</summary>
public abstract record SendResult
{
    public abstract int ExitCode { get; }
}

/// <summary>202: intake has it; the incident reference is final.</summary>
public sealed record SendAccepted(Guid IncidentId, string AlertId) : SendResult
{
    public override int ExitCode => ExitCodes.Ok;
}

/// <summary>A 4xx problem about the alert itself: resending it unchanged will be refused again.</summary>
public sealed record SendRejected(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors) : SendResult
{
    public override int ExitCode => ExitCodes.Rejected;
}

/// <summary>The server could not be reached or could not take the alert now; it may be sent again.</summary>
/// <param name="Message">What went wrong and what to check, ready to print.</param>
/// <param name="Unreachable">True when no answer came at all (nothing listening, DNS, timeout): later alerts will fail too.</param>
public sealed record SendFailed(string Message, bool Unreachable) : SendResult
{
    public override int ExitCode => ExitCodes.Unavailable;
}

/// <summary>Posts alert JSON to <c>{server}/api/intake/alerts</c> and reads intake's answer. Safe to share between concurrent sends.</summary>
public sealed class AlertSender(HttpClient http, Uri server)
{
    public const string DefaultServer = "http://localhost:5080";
    public const string ServerEnvironmentVariable = "DISPATCH_SERVER";

    /// <summary>Intake waits up to 10 s for the bus; leave it room to answer 503 itself.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private readonly Uri intake = new(server, "api/intake/alerts");

    public Uri Server { get; } = server;

    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        // Demo runs open up to a few connections at once; without this a long run keeps stale DNS forever.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
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

    public static string SerializeAlert(AlertSubmission alert) => JsonSerializer.Serialize(alert, WriteOptions);

    public Task<SendResult> SendAsync(AlertSubmission alert, CancellationToken cancellationToken) =>
        SendAsync(SerializeAlert(alert), cancellationToken);

    /// <summary>Sends the JSON as it is: the server, not the CLI, decides what is a valid alert.</summary>
    public async Task<SendResult> SendAsync(string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, MediaTypeNames.Application.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, intake) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypeNames.Application.Json));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypeNames.Application.ProblemJson));

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAnswerAsync(response, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            return Unreachable(Server);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendFailed($"no answer from {ServerText(Server)} within {http.Timeout.TotalSeconds:0} s: is the server overloaded or stuck?", Unreachable: true);
        }
    }

    public static SendFailed Unreachable(Uri server) => new(
        $"cannot reach {ServerText(server)}: is the server running? (dotnet run --project Dispatch.Server)", Unreachable: true);

    private async Task<SendResult> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var accepted = TryDeserialize<AlertAccepted>(body);
            return accepted is { AlertId: not null }
                ? new SendAccepted(accepted.IncidentId, accepted.AlertId)
                : new SendFailed($"{ServerText(Server)} answered {status} without an incident reference: is it a Dispatch server?", Unreachable: false);
        }

        var problem = TryDeserialize<Problem>(body);
        var title = problem?.Title ?? response.ReasonPhrase;
        var detail = problem?.Detail;
        if (IsAboutTheAlert(response.StatusCode))
        {
            return new SendRejected(status, title, detail, problem?.Errors ?? new Dictionary<string, string[]>());
        }

        var what = response.StatusCode == HttpStatusCode.NotFound
            ? $"{ServerText(Server)} has no /api/intake/alerts (404): is it a Dispatch server?"
            : $"{ServerText(Server)} answered {status} {title}";
        return new SendFailed(detail is null ? what : $"{what}: {detail}", Unreachable: false);
    }

    // 404 (wrong server), 408 and 429 (try later) say nothing about the alert itself.
    private static bool IsAboutTheAlert(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static T? TryDeserialize<T>(string body)
        where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<T>(body, ReadOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The RFC 7807 fields we show; <c>errors</c> is what ValidationProblem adds.</summary>
    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
