using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using Dispatch.Server.Operations;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing.Model;
using MassTransit;
using Dispatch.Server.Security;

namespace Dispatch.Server.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddIncidentRouting(this WebApplicationBuilder builder)
    {
        // Embedded until CatalogueLoader has read the table, so the singleton is never empty.
        builder.Services.AddSingleton(CategoryCatalogue.LoadEmbedded());
        builder.Services.AddSingleton<IResponsePolicies>(services => services.GetRequiredService<CategoryCatalogue>());
        var settings = ClassifierSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(services => LoadClassifier(settings, services.GetRequiredService<ILogger<CategoryClassifier>>()));
        builder.Services.AddHealthChecks().AddCheck<ClassifierHealthCheck>("classifier", tags: [HealthEndpoints.ReadyTag]);
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

    /// <summary>The model from <c>Routing:ModelPath</c> (default beside the server); a missing or corrupt file falls back to keywords, loudly.</summary>
    public static CategoryClassifier LoadClassifier(ClassifierSettings settings, ILogger logger)
    {
        var path = settings.ModelPath ?? ClassifierSettings.DefaultModelPath;
        try
        {
            var model = ClassifierModel.Load(path);
            logger.LogInformation("Classifier model {ModelVersion} loaded ({CorpusSize} texts, {Categories} categories, threshold {Threshold})",
                model.Info.Version, model.Info.CorpusSize, model.Info.Categories, model.Info.Threshold);
            return new CategoryClassifier(model, null, settings);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            logger.LogError(ex, "The classifier model could not be loaded from {ModelPath}; classifying by the catalogue's keywords", path);
            return new CategoryClassifier(null, ex.Message, settings);
        }
    }

    public static WebApplication MapRouting(this WebApplication app)
    {
        app.MapGet("/api/triage", TriageEndpoints.Queue).WithTags("Routing").WithName("TriageQueue").RequireAuthorization(Policies.Read)
            .WithSummary("Incidents waiting for an operator's decision, urgent ones (danger to life) first, then oldest first, each with its reasons and candidate categories.")
            .Produces<IncidentPage>().ProducesValidationProblem();
        app.MapIncidentRoute(IncidentRoutes.Route, TriageEndpoints.Route).WithTags("Routing").RequireAuthorization(Policies.Operate).WithName("RouteIncident")
            .WithSummary("Route an open incident by hand to an organisation (reason required), e.g. from triage.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.Reclassify, TriageEndpoints.Reclassify).WithTags("Routing").RequireAuthorization(Policies.Operate).WithName("ReclassifyIncident")
            .WithSummary("Give an open incident another category (reason required); it is routed again by that category.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.LocateByAddress, TriageEndpoints.LocateByAddress).WithTags("Routing").RequireAuthorization(Policies.Operate).WithName("LocateIncidentByAddress")
            .WithSummary("Place an open incident at a register address (addressId, reason required), e.g. one of triage's candidates; it is routed again there.")
            .Accepts<CorrectionRequest>("application/json").Produces<IncidentSummary>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapIncidentRoute(IncidentRoutes.Return, TriageEndpoints.Return).WithTags("Routing").RequireAuthorization(Policies.Handle).WithName("ReturnIncident")
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
        catalogue.MapGet("/model", CatalogueEndpoints.Model).RequireAuthorization(Policies.Read).WithName("ClassifierModel")
            .WithSummary("The classifier model in use: version, when trained, corpus size, threshold and evaluation figures; or why the keywords are used instead.")
            .Produces<ModelView>();
        catalogue.MapGet("/corrections", CatalogueEndpoints.Corrections).RequireAuthorization(Policies.Administer).WithName("ClassifierCorrections")
            .WithSummary("Operators' reclassifications since a date, as labelled examples for the corpus (dispatch classify corrections).")
            .Produces<List<CorrectionExample>>()
            .ProducesValidationProblem();
        return app;
    }

    public static void AddRoutingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenIncidentFromAlertConsumer>();
        bus.AddConsumer<OpenIncidentFromGridEventConsumer>();
    }
}
