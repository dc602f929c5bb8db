using System.Text.Json;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Intake;

/// <summary>What intake answers once the alert is safely on the bus.</summary>
/// <param name="IncidentId">The incident reference; poll <c>GET /api/incidents/{id}</c> or watch the screen.</param>
/// <param name="AlertId">The alert id as received.</param>
public sealed record AlertAccepted(Guid IncidentId, string AlertId);

/// <summary><c>POST /api/intake/alerts</c>: validate, put on the bus, answer 202 with the incident reference.</summary>
public static class AlertIntakeEndpoint
{
    /// <summary>A 2,000-character description in UTF-8 with JSON escapes stays far below this.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>How long intake waits for the broker to confirm before answering 503.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IResult> Handle(
        HttpRequest request, IPublishEndpoint bus, TimeProvider clock, DispatchMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AlertIntakeEndpoint));
        var (submission, problem) = await ReadJsonAsync<AlertSubmission>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = AlertValidator.Validate(submission, clock.GetUtcNow(), "http");
        if (validation.Message is not { } message)
        {
            metrics.AlertRejected("http");
            return Problems.Invalid(validation.Errors, "警情数据有误 / The alert has invalid fields");
        }

        if (await PublishAsync(bus, message, cancellationToken) is { } failure)
        {
            logger.LogError(failure, "Alert {AlertId} could not be put on the bus", message.AlertId);
            return Problems.BusUnavailable();
        }

        metrics.AlertReceived("http");
        logger.LogInformation("Alert {AlertId} accepted as incident {IncidentId}", message.AlertId, message.IncidentId);
        return TypedResults.Accepted($"/api/incidents/{message.IncidentId}", new AlertAccepted(message.IncidentId, message.AlertId));
    }

    /// <summary>Publishes, waiting at most <see cref="PublishTimeout"/> for the broker; the exception if it refused or did not answer.</summary>
    internal static async Task<Exception?> PublishAsync<T>(IPublishEndpoint bus, T message, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            await bus.Publish(message, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>Reads a JSON body strictly, turning every way it can be wrong into a problem a person can act on.</summary>
    internal static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        try
        {
            // Counted here as well as by Kestrel's limit: a chunked body has no Content-Length to check up front,
            // and not every server (the test host among them) enforces the limit.
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return (null, Problems.TooLarge(maxBytes));
                }

                body.Write(chunk, 0, read);
            }

            body.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(body, IntakeJson.Options, cancellationToken);
            return (value, null);
        }
        catch (JsonException ex) when (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (null, Problems.UnknownField(Problems.FieldFromPath(ex.Path) ?? "?"));
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson(ex));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
    }
}
