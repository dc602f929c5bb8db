using Dispatch.Server.Addresses;
using Dispatch.Server.Assignment;
using Dispatch.Server.Geo;
using Dispatch.Server.Organisations;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// On the embedded defaults (<c>Demo:Seed</c>), the first start loads the demo street 云峰街道: its layers, its address register, its units
/// and its organisations, so a newcomer sees a working map, unit list and routing at once. "First start" means the
/// <c>areas</c> table is empty: a database that has any jurisdiction, demo or real, is never touched.
/// Runs in StartAsync, after the migrations (StartingAsync); registered before the bus, so consumers find it all.
/// </summary>
internal sealed class DemoDataSeeder(
    IOptions<DemoOptions> demo, AreaStore areas, AreaImporter importer, UnitStore units, OrganisationStore organisations,
    OrganisationDirectory directory, AddressImporter addresses, TimeProvider clock, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Seed)
        {
            return;
        }

        if (await areas.CountAsync(cancellationToken) > 0)
        {
            logger.LogInformation("Demo data not seeded: the database already has jurisdiction areas");
            return;
        }

        foreach (var (file, options) in DemoGeography.Layers)
        {
            var report = await importer.ImportAsync(DemoGeography.Read(file, options), options, skipInvalid: false, cancellationToken);
            if (!report.Written)
            {
                // The embedded files are checked by tests; reaching this means a broken build, which must not start half-seeded.
                throw new InvalidOperationException($"The embedded demo layer {file} has {report.Problems.Count} invalid features.");
            }
        }

        var register = await addresses.ImportAsync(addresses.Read(DemoAddresses.ReadText(), CoordinateSystem.Wgs84), skipInvalid: false, cancellationToken);
        if (!register.Written)
        {
            throw new InvalidOperationException($"The embedded demo address register has {register.Problems.Count} invalid rows.");
        }

        var now = clock.GetUtcNow();
        var unitCount = await DemoUnits.SeedAsync(units, now, cancellationToken);
        var organisationCount = await DemoOrganisations.SeedAsync(organisations, now, cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        logger.LogWarning(
            "Demo street 云峰街道 seeded: {LayerCount} layers, {AddressCount} addresses, {UnitCount} units, {OrganisationCount} organisations (Demo:Seed is on; never in production)",
            DemoGeography.Layers.Count, register.Imported, unitCount, organisationCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
