namespace Dispatch.Server.Routing;

/// <summary>
/// At start-up, after the migrations (which run in StartingAsync) and before the bus starts consuming: adds the
/// embedded file's categories the <c>categories</c> table lacks (all of them the first time), then loads the table
/// into <see cref="CategoryCatalogue"/>. A later edition of the file never overwrites admins' edits.
/// </summary>
internal sealed class CatalogueLoader(
    CatalogueStore store, CategoryCatalogue catalogue, TimeProvider clock, ILogger<CatalogueLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = CatalogueSnapshot.LoadEmbedded().All;
        var seeded = await store.AddMissingAsync(seed, clock.GetUtcNow(), cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Added {CategoryCount} categories from the embedded catalogue", seeded);
        }

        logger.LogInformation("Loaded {CategoryCount} categories", await catalogue.ReloadAsync(store, cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
