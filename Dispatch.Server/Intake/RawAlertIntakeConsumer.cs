using Dispatch.Server.Operations.Metrics;
using MassTransit;

namespace Dispatch.Server.Intake;

/// <summary>
/// AMQP intake for the 110 platform, which is not .NET: the same JSON as <c>POST /api/intake/alerts</c>,
/// published as a raw body (no MassTransit envelope) to the exchange <c>dispatch.intake.alerts</c>.
/// An invalid alert is not retried; it goes to <c>dispatch.intake.alerts_error</c> with the reasons.
/// </summary>
public sealed class RawAlertIntakeConsumer(TimeProvider clock, DispatchMetrics metrics, ILogger<RawAlertIntakeConsumer> logger) : IConsumer<AlertSubmission>
{
    public const string QueueName = "dispatch.intake.alerts";

    public async Task Consume(ConsumeContext<AlertSubmission> context)
    {
        var validation = AlertValidator.Validate(context.Message, clock.GetUtcNow(), "amqp");
        if (validation.Message is not { } message)
        {
            metrics.AlertRejected("amqp");
            throw new InvalidAlertException(validation.Errors);
        }

        await context.Publish(message, context.CancellationToken);
        metrics.AlertReceived("amqp");
        logger.LogInformation("Alert {AlertId} taken from AMQP as incident {IncidentId}", message.AlertId, message.IncidentId);
    }
}

/// <summary>An alert that will never be valid however often it is retried.</summary>
public sealed class InvalidAlertException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Invalid alert: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
