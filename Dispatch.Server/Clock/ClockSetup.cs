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

        // Dispatch registers the real availability (unit statuses) and wins: this is only the fallback.
        builder.Services.AddHostedService<ClockSweeper>();
        return builder;
    }

    public static void AddClockConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ApplyClockRulesConsumer>();
        bus.AddConsumer<ClockEscalationConsumer>();

        // Clocks start in the transaction that opens the incident (Routing, with ClockStarter) and travel in
        // IncidentOpened. The screen pushes (ClockChanged, ClockAlarm) are Screens' per-node consumers.
    }
}
