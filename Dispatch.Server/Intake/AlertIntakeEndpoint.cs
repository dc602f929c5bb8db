using System.Security.Claims;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Metrics;
using Dispatch.Server.Security;
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

    /// <summary>An alert sent by the 110 platform's key, or entered by hand by an operator (接警录入).</summary>
    public static string SourceOf(ClaimsPrincipal user) => user.IsInRole(Roles.Machine) ? "http" : "manual";

    public static async Task<IResult> Handle(
        HttpRequest request, ClaimsPrincipal user, IPublishEndpoint bus, TimeProvider clock, DispatchMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AlertIntakeEndpoint));
        var (submission, problem) = await JsonBody.ReadAsync<AlertSubmission>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var source = SourceOf(user);
        var validation = AlertValidator.Validate(submission, clock.GetUtcNow(), source);
        if (validation.Message is not { } message)
        {
            metrics.AlertRejected(source);
            return Problems.Invalid(validation.Errors, "警情数据有误 / The alert has invalid fields");
        }

        if (await BusPublisher.TryPublishAsync(bus, message, cancellationToken) is { } failure)
        {
            logger.LogError(failure, "Alert {AlertId} could not be put on the bus", message.AlertId);
            return Problems.BusUnavailable();
        }

        metrics.AlertReceived(source);
        logger.LogInformation("Alert {AlertId} accepted as incident {IncidentId}", message.AlertId, message.IncidentId);
        return TypedResults.Accepted(IncidentRoutes.Timeline(message.IncidentId), new AlertAccepted(message.IncidentId, message.AlertId));
    }
}
