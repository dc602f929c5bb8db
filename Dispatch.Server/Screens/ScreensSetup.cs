using System.Text.Json.Serialization;
using Dispatch.Server.Operations;
using Dispatch.Server.Security;
using MassTransit;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Server.Screens;

public static class ScreensSetup
{
    /// <summary>Who watches task orders live on <c>/hubs/desk</c>: handlers, operators, supervisors, admins.</summary>
    private static readonly AuthorizationPolicy DeskWatchers = new AuthorizationPolicyBuilder()
        .RequireRole(Roles.DepartmentHandler, Roles.Operator, Roles.Supervisor, Roles.Admin).Build();

    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 32 * 1024;
                // A ping every 2 s lets a screen tell within 5 s that it has lost the server (common/live.ts waits
                // 4.5 s): a wall display must not show 在线 while nothing reaches it.
                o.KeepAliveInterval = TimeSpan.FromSeconds(2);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static void AddScreenConsumers(this IBusRegistrationConfigurator bus)
    {
        // Every node must see every update for its own connections.
        bus.AddPerNodeConsumer<IncidentOpenedScreenConsumer>();
        bus.AddPerNodeConsumer<IncidentUpdatedScreenConsumer>();
        bus.AddPerNodeConsumer<ClockScreenConsumer>();
        bus.AddPerNodeConsumer<AlarmScreenConsumer>();
        bus.AddPerNodeConsumer<AssignmentChangedScreenConsumer>();
        bus.AddPerNodeConsumer<UnitChangedScreenConsumer>();
        bus.AddPerNodeConsumer<TaskOrderScreenConsumer>();
        bus.AddPerNodeConsumer<TaskOrderDeskConsumer>();
    }

    public static WebApplication MapScreens(this WebApplication app)
    {
        // Only operators, supervisors and admins watch the incident queue; WatchIncidents scopes what each sees.
        app.MapHub<CommandHub>("/hubs/command").RequireAuthorization(Policies.Read);
        app.MapHub<ResponderHub>("/hubs/responder").RequireAuthorization(Policies.Respond);
        app.MapHub<DeskHub>("/hubs/desk").RequireAuthorization(DeskWatchers);
        return app;
    }

    /// <summary>
    /// The browser app's static files (the command screen; "/" serves its index.html), before authentication:
    /// the shell is public, it signs in and every piece of data behind it needs a role.
    /// </summary>
    public static WebApplication UseScreens(this WebApplication app)
    {
        app.UseDefaultFiles();
        // The app's files keep their names from build to build: browsers must revalidate (a cheap 304) every time.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
