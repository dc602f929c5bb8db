using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Console.Alerts;

namespace Dispatch.Console.Intake;

/// <summary>What an intake route takes, in the words the CLI prints.</summary>
/// <param name="Noun">"alert", "grid event".</param>
/// <param name="Plural">"alerts", "grid events".</param>
/// <param name="Route">Relative to the server, e.g. <c>api/intake/alerts</c>.</param>
/// <param name="IdField">The JSON field holding the sender's id, in the body and in the 202 answer.</param>
/// <param name="TimeField">The JSON field holding when it happened; stamped with now when a file leaves it out.</param>
public sealed record IntakeKind(string Noun, string Plural, string Route, string IdField, string TimeField)
{
    public static readonly IntakeKind Alerts = new("alert", "alerts", "api/intake/alerts", "alertId", "receivedAt");

    public static readonly IntakeKind GridEvents = new("grid event", "grid events", "api/intake/grid-events", "eventId", "reportedAt");
}

/// <summary>What became of one alert or grid event sent to intake.</summary>
public abstract record SendResult
{
    public abstract int ExitCode { get; }
}

/// <summary>202: intake has it; the incident reference is final.</summary>
public sealed record SendAccepted(Guid IncidentId, string Id) : SendResult
{
    public override int ExitCode => ExitCodes.Ok;
}

/// <summary>A 4xx problem about the submission itself: resending it unchanged will be refused again.</summary>
public sealed record SendRejected(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors) : SendResult
{
    public override int ExitCode => ExitCodes.Rejected;
}

/// <summary>The server could not be reached or could not take it now; it may be sent again.</summary>
/// <param name="Message">What went wrong and what to check, ready to print.</param>
/// <param name="Unreachable">True when no answer came at all (nothing listening, DNS, timeout): later sends will fail too.</param>
public sealed record SendFailed(string Message, bool Unreachable) : SendResult
{
    public override int ExitCode => ExitCodes.Unavailable;
}

/// <summary>Posts JSON to one intake route of <c>{server}</c> and reads intake's answer. Safe to share between concurrent sends.</summary>
public sealed class IntakeSender(HttpClient http, Uri server, IntakeKind kind)
{
    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private readonly Uri intake = new(server, kind.Route);

    public Uri Server { get; } = server;

    public static string Serialize<T>(T submission) => JsonSerializer.Serialize(submission, WriteOptions);

    /// <summary>Sends the JSON as it is: the server, not the CLI, decides what is valid.</summary>
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
            return AlertSender.Unreachable(Server);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendFailed($"no answer from {AlertSender.ServerText(Server)} within {http.Timeout.TotalSeconds:0} s: is the server overloaded or stuck?", Unreachable: true);
        }
    }

    private async Task<SendResult> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return TryReadAccepted(body) is { } accepted
                ? accepted
                : new SendFailed($"{AlertSender.ServerText(Server)} answered {status} without an incident reference: is it a Dispatch server?", Unreachable: false);
        }

        var problem = TryDeserialize<Problem>(body);
        var title = problem?.Title ?? response.ReasonPhrase;
        var detail = problem?.Detail;
        if (IsAboutTheSubmission(response.StatusCode))
        {
            return new SendRejected(status, title, detail, problem?.Errors ?? new Dictionary<string, string[]>());
        }

        var what = response.StatusCode == HttpStatusCode.NotFound
            ? $"{AlertSender.ServerText(Server)} has no /{kind.Route} (404): is it a Dispatch server?"
            : $"{AlertSender.ServerText(Server)} answered {status} {title}";
        return new SendFailed(detail is null ? what : $"{what}: {detail}", Unreachable: false);
    }

    // 404 (wrong server), 408 and 429 (try later) say nothing about the submission itself.
    private static bool IsAboutTheSubmission(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <summary>The 202 body: <c>incidentId</c> and the id field of this route.</summary>
    private SendAccepted? TryReadAccepted(string body)
    {
        var answer = TryDeserialize<Dictionary<string, JsonElement>>(body);
        return answer is not null
            && answer.TryGetValue("incidentId", out var incident) && incident.ValueKind == JsonValueKind.String && incident.TryGetGuid(out var incidentId)
            && answer.TryGetValue(kind.IdField, out var id) && id.ValueKind == JsonValueKind.String
            ? new SendAccepted(incidentId, id.GetString()!)
            : null;
    }

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
