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
        builder.Services.AddOptions<MapOptions>().BindConfiguration("Map")
            .Validate(o => o.TileCrs is "wgs84" or "gcj02", "Map:TileCrs must be wgs84 or gcj02.")
            .Validate(o => o.TileUrl is null || o.TileUrl.StartsWith("https://", StringComparison.Ordinal) || o.TileUrl.StartsWith("http://", StringComparison.Ordinal) || o.TileUrl.StartsWith('/'),
                "Map:TileUrl must be an http(s) URL template or a path on this server.")
            .ValidateOnStart();
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
        geo.MapGet("/areas", GeoEndpoints.Areas).RequireAuthorization(Policies.People)
            .WithName("ListAreas")
            .WithSummary("The loaded jurisdiction areas as a GeoJSON FeatureCollection (WGS-84), for the maps; level= a comma-separated list (district, street, community, grid, precinct), default all.")
            .Produces(StatusCodes.Status200OK, contentType: AreaFeatures.ContentType)
            .ProducesValidationProblem();
        geo.MapGet("/map", GeoEndpoints.Map).RequireAuthorization(Policies.People)
            .WithName("MapSettings")
            .WithSummary("The maps' background: a tile URL template and its datum (wgs84 or gcj02), or none for a plain background.")
            .Produces<MapSettings>();
        return app;
    }

    /// <summary>Loads the layers at start; runs after the migrations, which run in StartingAsync.</summary>
    private sealed class JurisdictionIndexLoader(AreaImporter importer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => importer.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
