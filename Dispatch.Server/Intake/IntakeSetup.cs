using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Dispatch.Server.Security;

namespace Dispatch.Server.Intake;

public static class IntakeSetup
{
    public static void AddIntakeConsumers(this IBusRegistrationConfigurator bus)
    {
        // Bound by hand on RabbitMQ only (raw JSON, fixed exchange name); see MessagingSetup.
        bus.AddConsumer<RawAlertIntakeConsumer>().ExcludeFromConfigureEndpoints();
    }

    public static WebApplication MapIntake(this WebApplication app)
    {
        var intake = app.MapGroup("/api/intake").WithTags("Intake")
            .RequireAuthorization(Policies.Intake).RequireRateLimiting(SecuritySetup.IntakeRateLimit);
        intake.MapPost("/alerts", AlertIntakeEndpoint.Handle)
            .WithName("SubmitAlert")
            .WithSummary("Accept a 110 alert (警情); answers 202 with the incident reference once it is on the bus.")
            .Accepts<AlertSubmission>("application/json")
            .Produces<AlertAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(AlertIntakeEndpoint.MaxBodyBytes));
        intake.MapPost("/grid-events", GridEventIntakeEndpoint.Handle)
            .WithName("SubmitGridEvent")
            .WithSummary("Accept a grid event (网格事件) from a grid member, resident or sensor; answers 202 with the incident reference once it is on the bus.")
            .Accepts<GridEventSubmission>("application/json")
            .Produces<GridEventAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(GridEventIntakeEndpoint.MaxBodyBytes));
        return app;
    }
}
