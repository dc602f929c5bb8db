using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Clock;

public static class ClockSetup
{
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClockOptions>().Bind(builder.Configuration.GetSection(ClockOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClockOptions>, ClockOptionsValidator>();
        builder.Services.AddSingleton<ClockStore>();
        builder.Services.AddSingleton<ClockStarter>();
        builder.Services.AddSingleton<AlarmStore>();
        builder.Services.AddSingleton<IBreachSource, ClockBreachSource>();
        builder.Services.AddSingleton<ClockDetailPart>();
        builder.Services.AddSingleton<IIncidentDetailPart>(services => services.GetRequiredService<ClockDetailPart>());
        builder.Services.AddSingleton<IResponderClocks>(services => services.GetRequiredService<ClockDetailPart>());

        // Dispatch registers the real availability (unit statuses) and wins: this is only the fallback.
        builder.Services.AddHostedService<ClockSweeper>();
        return builder;
    }

    /// <summary>The command screen's alarm list: read by whoever reads incidents, acknowledged by operators and supervisors.</summary>
    public static WebApplication MapAlarms(this WebApplication app)
    {
        var alarms = app.MapGroup("/api/alarms").WithTags("Alarms");
        alarms.MapGet("/", AlarmEndpoints.List).RequireAuthorization(Policies.Read).WithName("ListAlarms")
            .WithSummary("Every unacknowledged alarm of the open incidents in the user's scope (breached clocks, reinforcement requests, urgent triage), oldest first.")
            .Produces<AlarmList>();
        alarms.MapPost("/{id}/acknowledge", AlarmEndpoints.Acknowledge).RequireAuthorization(Policies.Command).WithName("AcknowledgeAlarm")
            .WithSummary("Acknowledge one alarm: recorded with who and when (alarm.acknowledged on the incident's timeline). Again: 200 with the first acknowledgement and already=true.")
            .Produces<AlarmAcknowledgement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/acknowledge-all", AlarmEndpoints.AcknowledgeAll).RequireAuthorization(Policies.Command).WithName("AcknowledgeAllAlarms")
            .WithSummary("Acknowledge every unacknowledged alarm in the user's scope; answers those this request acknowledged.")
            .Produces<AlarmsAcknowledgedView>();
        return app;
    }

    public static void AddClockConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ApplyClockRulesConsumer>();
        bus.AddConsumer<ClockEscalationConsumer>();

        // Clocks start in the transaction that opens the incident (Routing, with ClockStarter) and travel in
        // IncidentOpened. The screen pushes (ClockChanged, ClockAlarm) are Screens' per-node consumers.
    }
}
