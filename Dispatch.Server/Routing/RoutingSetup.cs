using MassTransit;

namespace Dispatch.Server.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddIncidentRouting(this WebApplicationBuilder builder)
    {
        // Embedded until CatalogueLoader has read the table, so the singleton is never empty.
        builder.Services.AddSingleton(CategoryCatalogue.LoadEmbedded());
        builder.Services.AddSingleton(ClassifierSettings.From(builder.Configuration));
        builder.Services.AddSingleton<CatalogueStore>();

        // Registered before the bus (AddMessaging comes later in Program.cs): hosted services start in order,
        // so consumers see the stored catalogue from their first message.
        builder.Services.AddHostedService<CatalogueLoader>();
        return builder;
    }

    public static WebApplication MapRouting(this WebApplication app)
    {
        var catalogue = app.MapGroup("/api/catalogue").WithTags("Catalogue");

        // TODO(security issue): require the admin role on the PUT.
        catalogue.MapGet("/categories", CatalogueEndpoints.List).WithName("ListCategories")
            .Produces<List<CategoryView>>();
        catalogue.MapGet("/categories/{code}", CatalogueEndpoints.Get).WithName("GetCategory")
            .Produces<CategoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalogue.MapPut("/categories/{code}", CatalogueEndpoints.Put).WithName("PutCategory")
            .Accepts<CategoryEdit>("application/json")
            .Produces<CategoryView>()
            .Produces<CategoryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        catalogue.MapPost("/classify", CatalogueEndpoints.Classify).WithName("Classify")
            .Accepts<ClassifyRequest>("application/json")
            .Produces<ClassifyResponse>()
            .ProducesValidationProblem();
        return app;
    }

    public static void AddRoutingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenIncidentFromAlertConsumer>();
    }
}
