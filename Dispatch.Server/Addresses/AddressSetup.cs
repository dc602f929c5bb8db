using Microsoft.AspNetCore.Mvc;
using Dispatch.Server.Security;

namespace Dispatch.Server.Addresses;

public static class AddressSetup
{
    /// <summary>After AddGeo: the importer places each address in the loaded grids.</summary>
    public static WebApplicationBuilder AddAddresses(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AddressStore>();
        builder.Services.AddSingleton<AddressRegister>();
        builder.Services.AddSingleton<AddressImporter>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Addresses").Get<AddressOptions>() ?? new AddressOptions());
        builder.Services.AddHostedService<AddressRegisterLoader>();
        return builder;
    }

    public static WebApplication MapAddresses(this WebApplication app)
    {
        // No Accepts metadata on the import: routing would answer a wrong content type with a bare 415 before the
        // handler, whose 415 says which types to send.
        var addresses = app.MapGroup("/api/geo/addresses").WithTags("Addresses");
        addresses.MapPost("/import", AddressEndpoints.Import).RequireAuthorization(Policies.Administer)
            .WithName("ImportAddresses")
            .WithSummary("Import the standard address register: CSV with a header (id,district,street,community,road,number,compound,building,unit,lon,lat) or GeoJSON Points; same ids are replaced. Max 50 MB.")
            .Produces<AddressImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(AddressEndpoints.MaxImportBytes));
        addresses.MapGet("", AddressEndpoints.Search).RequireAuthorization(Policies.Operate)
            .WithName("SearchAddresses")
            .WithSummary("Register entries whose address contains the text (normalised), shortest first, for the entry form.")
            .Produces<List<AddressView>>()
            .ProducesValidationProblem();
        addresses.MapGet("/match", AddressEndpoints.Match).RequireAuthorization(Policies.Operate)
            .WithName("MatchAddress")
            .WithSummary("The register entry an address text means: best entry, its point and grid, a score 0–1, up to three alternatives, and what it matched on.")
            .Produces<AddressMatchResult>()
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>Loads the register at start, after the migrations and the jurisdiction layers.</summary>
    private sealed class AddressRegisterLoader(AddressImporter importer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => importer.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
