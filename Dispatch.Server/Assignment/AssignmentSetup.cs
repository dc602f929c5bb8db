using MassTransit;
using Microsoft.Extensions.Options;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment;

public static class AssignmentSetup
{
    public static WebApplicationBuilder AddAssignment(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UnitStore>();
        builder.Services.AddOptions<UnitOptions>()
            .Bind(builder.Configuration.GetSection(UnitOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<UnitOptions>, UnitOptionsValidator>();
        return builder;
    }

    public static void AddAssignmentConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UnitPositionConsumer>();
    }

    public static WebApplication MapAssignment(this WebApplication app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapGet("/", UnitEndpoints.List).RequireAuthorization(Policies.Read)
            .WithName("ListUnits")
            .WithSummary("Every unit with its last position and its age, by code; filter by organisation and kind.")
            .Produces<List<UnitView>>()
            .ProducesValidationProblem();
        units.MapGet("/nearest", UnitEndpoints.Nearest).RequireAuthorization(Policies.Read)
            .WithName("NearestUnits")
            .WithSummary("Units ranked by how soon they could reach a point (haversine distance, speed per kind); stale positions last.")
            .Produces<NearestUnits>()
            .ProducesValidationProblem();
        units.MapGet("/{code}", UnitEndpoints.Get).RequireAuthorization(Policies.Read)
            .WithName("GetUnit")
            .WithSummary("One unit with its last position.")
            .Produces<UnitView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPost("/{code}/location", UnitEndpoints.ReportPosition).RequireAuthorization(Policies.Position)
            .WithName("ReportUnitPosition")
            .WithSummary("Report a unit's position (wgs84, gcj02 or bd09); answers 202 once it is on the bus. Older reports never overwrite newer ones.")
            .Accepts<UnitPositionSubmission>("application/json")
            .Produces<UnitPositionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
