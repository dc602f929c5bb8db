using System.Text.Json.Serialization;
using Dispatch.Server.Security;
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
        // Every node must see every update for its own connections: a queue of its own, deleted with its connection.
        // The instance id makes the name unique per node; without it two nodes fight over one exclusive queue.
        var node = Guid.NewGuid().ToString("N")[..12];
        bus.AddConsumer<IncidentOpenedScreenConsumer>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, node));
        bus.AddConsumer<IncidentUpdatedScreenConsumer>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, node));
        bus.AddConsumer<ClockScreenConsumer>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, node));
        bus.AddConsumer<AssignmentChangedScreenConsumer>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, node));
        bus.AddConsumer<UnitChangedScreenConsumer>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, node));
    }

    public static WebApplication MapScreens(this WebApplication app)
    {
        // Only operators, supervisors and admins watch the incident queue; WatchIncidents scopes what each sees.
        app.MapHub<CommandHub>("/hubs/command").RequireAuthorization(Policies.Read);
        app.MapHub<ResponderHub>("/hubs/responder").RequireAuthorization(Policies.Respond);
        return app;
    }

    /// <summary>
    /// The browser app's static files (the command screen; "/" serves its index.html), before authentication:
    /// the shell is public, it signs in and every piece of data behind it needs a role.
    /// </summary>
    public static WebApplication UseScreens(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
