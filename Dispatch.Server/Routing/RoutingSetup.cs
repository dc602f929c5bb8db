using MassTransit;

namespace Dispatch.Server.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddIncidentRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CategoryCatalogue.LoadEmbedded());
        return builder;
    }

    public static void AddRoutingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenIncidentFromAlertConsumer>();
    }
}
