using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Intake;

/// <summary>What intake answers once the grid event is safely on the bus.</summary>
/// <param name="IncidentId">The incident reference; poll <c>GET /api/incidents/{id}</c> or watch the screen.</param>
/// <param name="EventId">The event id as received.</param>
public sealed record GridEventAccepted(Guid IncidentId, string EventId);

/// <summary>
/// <c>POST /api/intake/grid-events</c>: validate, put <see cref="Dispatch.Contracts.GridEventReported"/> on the
/// bus, answer 202 with the incident reference. Reads and publishes exactly as the alert intake does.
/// </summary>
public static class GridEventIntakeEndpoint
{
    /// <summary>Nine photo URLs and a 2,000-character description stay far below this.</summary>
    public const long MaxBodyBytes = AlertIntakeEndpoint.MaxBodyBytes;

    public static async Task<IResult> Handle(
        HttpRequest request, IPublishEndpoint bus, TimeProvider clock, DispatchMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(GridEventIntakeEndpoint));
        var (submission, problem) = await JsonBody.ReadAsync<GridEventSubmission>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = GridEventValidator.Validate(submission, clock.GetUtcNow(), "http");
        if (validation.Message is not { } message)
        {
            metrics.GridEventRejected("http");
            return Problems.Invalid(validation.Errors, "网格事件数据有误 / The grid event has invalid fields");
        }

        if (await BusPublisher.TryPublishAsync(bus, message, cancellationToken) is { } failure)
        {
            logger.LogError(failure, "Grid event {EventId} could not be put on the bus", message.EventId);
            return Problems.BusUnavailable();
        }

        metrics.GridEventReceived("http");
        logger.LogInformation("Grid event {EventId} from {Reporter} accepted as incident {IncidentId}", message.EventId, message.Reporter, message.IncidentId);
        return TypedResults.Accepted(IncidentRoutes.Timeline(message.IncidentId), new GridEventAccepted(message.IncidentId, message.EventId));
    }
}
