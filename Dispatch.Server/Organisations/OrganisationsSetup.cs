using Dispatch.Server.Security;

namespace Dispatch.Server.Organisations;

public static class OrganisationsSetup
{
    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrganisationStore>();
        builder.Services.AddSingleton<OrganisationDirectory>();

        // Hosted services start in registration order: this runs after the migrations (StartingAsync) and, being
        // registered before the bus, before any consumer asks who is responsible.
        builder.Services.AddHostedService<OrganisationDirectoryLoader>();
        return builder;
    }

    public static WebApplication MapOrganisations(this WebApplication app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations");
        organisations.MapGet("/", OrganisationEndpoints.List).RequireAuthorization(Policies.People)
            .WithName("ListOrganisations")
            .WithSummary("Every organisation by code with the areas it serves; filter by type.")
            .Produces<List<OrganisationView>>()
            .ProducesValidationProblem();
        organisations.MapGet("/{code}", OrganisationEndpoints.Get).RequireAuthorization(Policies.People)
            .WithName("GetOrganisation")
            .WithSummary("One organisation.")
            .Produces<OrganisationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPut("/{code}", OrganisationEndpoints.Put).RequireAuthorization(Policies.Administer)
            .WithName("PutOrganisation")
            .WithSummary("Create (201) or replace (200) an organisation; audited as organisation.updated.")
            .Accepts<OrganisationEdit>("application/json")
            .Produces<OrganisationView>()
            .Produces<OrganisationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private sealed class OrganisationDirectoryLoader(OrganisationDirectory directory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => directory.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
