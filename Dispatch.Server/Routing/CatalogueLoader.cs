namespace Dispatch.Server.Routing;

/// <summary>
/// At start-up, after the migrations (which run in StartingAsync) and before the bus starts consuming: seeds an
/// empty <c>categories</c> table from the embedded file, then loads the table into <see cref="CategoryCatalogue"/>.
/// A later edition of the file does not overwrite admins' edits; new categories in it are added through the API.
/// </summary>
internal sealed class CatalogueLoader(
    CatalogueStore store, CategoryCatalogue catalogue, TimeProvider clock, ILogger<CatalogueLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = CatalogueSnapshot.LoadEmbedded().All;
        var seeded = await store.SeedIfEmptyAsync(seed, clock.GetUtcNow(), cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {CategoryCount} categories from the embedded catalogue", seeded);
        }

        logger.LogInformation("Loaded {CategoryCount} categories", await catalogue.ReloadAsync(store, cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
