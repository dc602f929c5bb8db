using Dispatch.Contracts;
using Dispatch.Server.Assignment.UseCases;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.Extensions.Options;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment;

public static class AssignmentSetup
{
    public static WebApplicationBuilder AddAssignment(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UnitStore>();
        builder.Services.AddSingleton<UnitScope>();
        builder.Services.AddOptions<UnitOptions>()
            .Bind(builder.Configuration.GetSection(UnitOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<UnitOptions>, UnitOptionsValidator>();
        builder.Services.AddOptions<DispatchOptions>().Bind(builder.Configuration.GetSection(DispatchOptions.Section));
        builder.Services.AddSingleton<AssignmentStore>();
        builder.Services.AddSingleton<Recommender>();
        builder.Services.AddScoped<IncidentProgress>();
        builder.Services.AddScoped<DispatchUnits>();
        builder.Services.AddScoped<StepAssignment>();
        builder.Services.AddScoped<RequestReinforcement>();
        builder.Services.AddScoped<ResolveIncident>();
        builder.Services.AddScoped<HandOverIncident>();
        builder.Services.AddScoped<HandToLinkage>();
        builder.Services.AddSingleton<LinkageStore>();
        builder.Services.AddSingleton<IIncidentDetailPart, AssignmentDetailPart>();
        builder.Services.AddScoped<SetDuty>();
        builder.Services.AddScoped<RevealCallerPhones>();
        return builder;
    }

    public static void AddAssignmentConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UnitPositionConsumer>();
        bus.AddConsumer<AutoDispatchConsumer>();
    }

    public static WebApplication MapAssignment(this WebApplication app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapGet("/", UnitEndpoints.List).RequireAuthorization(Policies.Read)
            .WithName("ListUnits")
            .WithSummary("The units of the organisations serving the caller's areas (admins: all) with their last position and its age, by code; filter by organisation and kind.")
            .Produces<List<UnitView>>()
            .ProducesValidationProblem();
        units.MapGet("/nearest", UnitEndpoints.Nearest).RequireAuthorization(Policies.Read)
            .WithName("NearestUnits")
            .WithSummary("Units ranked by how soon they could reach a point (haversine distance, speed per kind); stale positions last.")
            .Produces<NearestUnits>()
            .ProducesValidationProblem();
        // Before /{code}: the literal segment wins, so a responder reads their own unit without the readers' right to all units.
        units.MapGet("/mine", UnitEndpoints.Mine).RequireAuthorization(Policies.Respond)
            .WithName("MyUnits")
            .WithSummary("The signed-in responder's own unit with its status (on or off duty) and last position.")
            .Produces<List<UnitView>>();
        units.MapGet("/{code}", UnitEndpoints.Get).RequireAuthorization(Policies.Read)
            .WithName("GetUnit")
            .WithSummary("One unit with its last position.")
            .Produces<UnitView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPut("/{code}", UnitEndpoints.Put).RequireAuthorization(Policies.Administer)
            .WithName("PutUnit")
            .WithSummary("Create (201) or replace (200) a unit's name, organisation and kind; its position and status stay its own. Audited as unit.updated.")
            .Accepts<UnitEdit>("application/json")
            .Produces<UnitView>()
            .Produces<UnitView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
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
        units.MapPost("/{code}/duty", DispatchEndpoints.Duty).RequireAuthorization(Policies.Field)
            .WithName("SetUnitDuty")
            .WithSummary("Sign a unit on (Available) or off (OffDuty) duty: a responder for their own unit, an operator for the units serving their areas (others: 404). A unit with open work cannot sign off.")
            .Accepts<DutyRequest>("application/json")
            .Produces<UnitSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapDispatch(app);
        return app;
    }

    private static void MapDispatch(WebApplication app)
    {
        app.MapIncidentRoute(IncidentRoutes.Recommendations, DispatchEndpoints.Recommend).WithTags("Dispatch").RequireAuthorization(Policies.Read).WithName("RecommendUnits")
            .WithSummary("The nearest Available units of the incident's responsible organisation, with distance and ETA; limit 1–50 (default 5).")
            .Produces<Recommendations>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.Dispatch, DispatchEndpoints.Dispatch).WithTags("Dispatch").RequireAuthorization(Policies.Operate).WithName("DispatchUnits")
            .WithSummary("Dispatch units (primary or reinforcement). A unit that is not Available answers 409 naming it and its incident, unless override=true with a reason; its other assignment is left as it is.")
            .Accepts<DispatchRequest>("application/json").Produces<DispatchAccepted>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.CallerPhones, DispatchEndpoints.CallerPhones).WithTags("Dispatch").RequireAuthorization(Policies.Field).WithName("RevealCallerPhones")
            .WithSummary("The callers' full numbers, to call back (everywhere else they are masked): an operator of the incident's area, or the primary responder while the assignment is open. Each read is audited on the incident's timeline.")
            .Produces<CallerPhones>().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapIncidentRoute(IncidentRoutes.Reinforcements, DispatchEndpoints.RequestReinforcement).WithTags("Dispatch").RequireAuthorization(Policies.Field).WithName("RequestReinforcement")
            .WithSummary("Ask for reinforcement (reason required): a responder on scene at the incident, or an operator. Publishes ReinforcementRequested.")
            .Accepts<ReasonRequest>("application/json").Produces<IncidentActionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.Resolve, DispatchEndpoints.Resolve).WithTags("Dispatch").RequireAuthorization(Policies.Field).WithName("ResolveIncident")
            .WithSummary("Close the incident as resolved on scene (result required): an operator, or the primary responder on scene. Clears every assignment.")
            .Accepts<ResolveRequest>("application/json").Produces<IncidentActionAccepted>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.HandOver, DispatchEndpoints.HandOver).WithTags("Dispatch").RequireAuthorization(Policies.Field).WithName("HandOverIncident")
            .WithSummary("Close the incident and hand the follow-up to a department as a task order (instructions required; organisation defaults to the responsible one): an operator, or the primary responder on scene.")
            .Accepts<HandOverRequest>("application/json").Produces<IncidentActionAccepted>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.Linkages, DispatchEndpoints.Link).WithTags("Dispatch").RequireAuthorization(Policies.Operate).WithName("HandToLinkage")
            .WithSummary("Hand the incident to 119 (Fire), 120 (Medical) or 应急 (Emergency) with one action: recorded with who, when and a reference to quote; meets the respond clock. 201 the first time; the same service again answers the first hand-off (200). The incident stays open.")
            .Accepts<LinkageRequest>("application/json").Produces<LinkageAccepted>(StatusCodes.Status201Created).Produces<LinkageAccepted>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var assignments = app.MapGroup("/api/assignments").WithTags("Dispatch");
        assignments.MapGet("/mine", DispatchEndpoints.Mine).RequireAuthorization(Policies.Respond).WithName("MyAssignments")
            .WithSummary("The responder's unit's assignments, open first, with the incident's address, description and location.")
            .Produces<List<ResponderAssignment>>();
        assignments.MapGet("/{id:guid}", DispatchEndpoints.Get).RequireAuthorization(Policies.Field).WithName("GetAssignment")
            .WithSummary("One assignment: a responder's own unit's, or an operator's within their areas.")
            .Produces<AssignmentSummary>().ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (path, handler, summary) in new (string, Delegate, string)[]
        {
            ("acknowledge", DispatchEndpoints.Acknowledge, "签收: the unit has the assignment."),
            ("en-route", DispatchEndpoints.EnRoute, "The unit is on its way."),
            ("on-scene", DispatchEndpoints.OnScene, "到场: the unit is at the scene."),
            ("clear", DispatchEndpoints.Clear, "The unit has finished; it becomes Available unless it has other open work."),
            ("decline", DispatchEndpoints.Decline, "The unit declines (reason required); the answer and the screens get the next recommendations."),
        })
        {
            var route = assignments.MapPost("/{id:guid}/" + path, handler).RequireAuthorization(Policies.Field)
                .WithName("Assignment" + string.Concat(path.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
                .WithSummary(summary + " The unit's responder, or an operator on its behalf; a repeat changes nothing, an out-of-order step is 409 with the current state.")
                .Produces<StepAnswer>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
            if (path == "decline")
            {
                route.Accepts<ReasonRequest>("application/json").ProducesValidationProblem();
            }
        }
    }
}
