using Dispatch.Contracts;
using Dispatch.Server.Addresses;
using Dispatch.Server.Geo;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.Messaging;

/// <summary>
/// Every node reloads a cache of reference data (catalogue, organisations, areas, calendar, address register) when an admin changed it
/// on any node, so that routing and deadlines agree across nodes without a restart. Runs on a per-node queue.
/// </summary>
public sealed class ReloadReferenceDataConsumer(
    CategoryCatalogue catalogue, CatalogueStore catalogueStore, OrganisationDirectory organisations, AreaImporter areas,
    CalendarProvider calendar, CalendarStore calendarStore, AddressImporter addresses, ILogger<ReloadReferenceDataConsumer> logger) : IConsumer<ReferenceDataChanged>
{
    public async Task Consume(ConsumeContext<ReferenceDataChanged> context)
    {
        var cancellationToken = context.CancellationToken;
        switch (context.Message.Kind)
        {
            case ReferenceData.Catalogue:
                await catalogue.ReloadAsync(catalogueStore, cancellationToken);
                break;
            case ReferenceData.Organisations:
                await organisations.ReloadAsync(cancellationToken);
                break;
            case ReferenceData.Areas:
                await areas.ReloadAsync(cancellationToken);
                break;
            case ReferenceData.Calendar:
                await calendar.ReloadAsync(calendarStore, cancellationToken);
                break;
            case ReferenceData.Addresses:
                await addresses.ReloadAsync(cancellationToken);
                break;
        }

        logger.LogInformation("Reloaded {ReferenceData} after a change on some node", context.Message.Kind);
    }
}
