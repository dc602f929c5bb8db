using Dispatch.Contracts;
using Microsoft.AspNetCore.Mvc;
using Dispatch.Server.Security;

namespace Dispatch.Server.Geo;

public static class GeoSetup
{
    public static WebApplicationBuilder AddGeo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AreaStore>();
        builder.Services.AddSingleton<JurisdictionIndex>();
        builder.Services.AddSingleton<AreaImporter>();
        builder.Services.AddHostedService<JurisdictionIndexLoader>();
        return builder;
    }

    public static WebApplication MapGeo(this WebApplication app)
    {
        var geo = app.MapGroup("/api/geo").WithTags("Geo");

        geo.MapPost("/areas/import", GeoEndpoints.Import).RequireAuthorization(Policies.Administer)
            .WithName("ImportAreas")
            .WithSummary("Import a GeoJSON FeatureCollection into one jurisdiction layer; same codes are replaced. Max 20 MB.")
            .Accepts<object>("application/json", "application/geo+json")
            .Produces<AreaImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(GeoEndpoints.MaxImportBytes));
        geo.MapGet("/locate", GeoEndpoints.Locate).RequireAuthorization(Policies.People)
            .WithName("LocatePoint")
            .WithSummary("The district, street, community, grid and police precinct holding a point (crs wgs84, gcj02 or bd09).")
            .Produces<Jurisdiction>()
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>Loads the layers at start; runs after the migrations, which run in StartingAsync.</summary>
    private sealed class JurisdictionIndexLoader(AreaImporter importer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => importer.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
