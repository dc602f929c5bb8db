using System.Text.Json.Serialization;
using MassTransit;

namespace Dispatch.Server.Screens;

public static class ScreensSetup
{
    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static void AddScreenConsumers(this IBusRegistrationConfigurator bus)
    {
        // Every node must see every update for its own connections: a per-node, auto-deleted queue.
        bus.AddConsumer<IncidentOpenedScreenConsumer>().Endpoint(e => e.Temporary = true);
        bus.AddConsumer<IncidentUpdatedScreenConsumer>().Endpoint(e => e.Temporary = true);
    }

    public static WebApplication MapScreens(this WebApplication app)
    {
        // The command screen is static files in wwwroot; "/" serves its index.html.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<CommandHub>("/hubs/command");
        return app;
    }
}
