using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using Dispatch.Server.Organisations;
using MassTransit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddIncidentRouting(this WebApplicationBuilder builder)
    {
        // Embedded until CatalogueLoader has read the table, so the singleton is never empty.
        builder.Services.AddSingleton(CategoryCatalogue.LoadEmbedded());
        builder.Services.AddSingleton(ClassifierSettings.From(builder.Configuration));
        builder.Services.AddSingleton<CatalogueStore>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Routing").Get<RoutingOptions>() ?? new RoutingOptions());
        builder.Services.AddSingleton<ResponsibleLookup>(services =>
        {
            var directory = services.GetRequiredService<OrganisationDirectory>();
            return (type, where) => Responsibility.For(type, where, directory.Current);
        });

        // Registered before the bus (AddMessaging comes later in Program.cs): hosted services start in order,
        // so consumers see the stored catalogue from their first message.
        builder.Services.AddHostedService<CatalogueLoader>();
        return builder;
    }

    public static WebApplication MapRouting(this WebApplication app)
    {
        app.MapGet("/api/triage", TriageEndpoints.Queue).WithTags("Routing").WithName("TriageQueue").RequireAuthorization(Policies.Read)
            .WithSummary("Incidents waiting for an operator's decision, oldest first, each with its reasons and candidate categories.")
            .Produces<IncidentPage>().ProducesValidationProblem();
        var incident = app.MapGroup("/api/incidents/{id:guid}").WithTags("Routing");
        incident.MapPost("/route", TriageEndpoints.Route).RequireAuthorization(Policies.Operate).WithName("RouteIncident")
            .WithSummary("Route an open incident by hand to an organisation (reason required), e.g. from triage.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        incident.MapPost("/reclassify", TriageEndpoints.Reclassify).RequireAuthorization(Policies.Operate).WithName("ReclassifyIncident")
            .WithSummary("Give an open incident another category (reason required); it is routed again by that category.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        incident.MapPost("/address", TriageEndpoints.LocateByAddress).RequireAuthorization(Policies.Operate).WithName("LocateIncidentByAddress")
            .WithSummary("Place an open incident at a register address (addressId, reason required), e.g. one of triage's candidates; it is routed again there.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        incident.MapPost("/return", TriageEndpoints.Return).RequireAuthorization(Policies.Handle).WithName("ReturnIncident")
            .WithSummary("A department hands back an incident that is not its business (退回, reason required); it goes to triage.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var catalogue = app.MapGroup("/api/catalogue").WithTags("Catalogue");

        catalogue.MapGet("/categories", CatalogueEndpoints.List).RequireAuthorization(Policies.People).WithName("ListCategories")
            .Produces<List<CategoryView>>();
        catalogue.MapGet("/categories/{code}", CatalogueEndpoints.Get).RequireAuthorization(Policies.People).WithName("GetCategory")
            .Produces<CategoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalogue.MapPut("/categories/{code}", CatalogueEndpoints.Put).RequireAuthorization(Policies.Administer).WithName("PutCategory")
            .Accepts<CategoryEdit>("application/json")
            .Produces<CategoryView>()
            .Produces<CategoryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        catalogue.MapPost("/classify", CatalogueEndpoints.Classify).RequireAuthorization(Policies.Read).WithName("Classify")
            .Accepts<ClassifyRequest>("application/json")
            .Produces<ClassifyResponse>()
            .ProducesValidationProblem();
        return app;
    }

    public static void AddRoutingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenIncidentFromAlertConsumer>();
        bus.AddConsumer<OpenIncidentFromGridEventConsumer>();
    }
}
