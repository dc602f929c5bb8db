using Dispatch.Server.Assignment;
using Dispatch.Server.Intake;
using Dispatch.Server.Routing;
using Dispatch.Server.Screens;
using Dispatch.Server.TaskOrders;
using MassTransit;

namespace Dispatch.Server.Messaging;

public static class MessagingSetup
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        if (!options.UsesRabbitMq && !string.Equals(options.Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Bus:Transport '{options.Transport}' is not one of InMemory, RabbitMq.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(ErrorQueues.EndpointNames);

            // Each stage registers its own consumers; read the stage folder to find them.
            bus.AddIntakeConsumers();
            bus.AddRoutingConsumers();
            bus.AddScreenConsumers();
            bus.AddAssignmentConsumers();
            bus.AddTaskOrderConsumers();

            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => Retry(r, options.Retry)));

            if (options.UsesRabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.PrefetchCount = rabbit.PrefetchCount;
                    ConfigureRawAlertIntake(cfg, context, options.Retry);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return builder;
    }

    /// <summary>Transient faults (a locked database, a dropped connection) get a few quick retries, then the error queue.</summary>
    private static void Retry(IRetryConfigurator retry, RetryOptions options)
    {
        retry.Ignore<InvalidAlertException>();
        retry.Exponential(options.Limit, TimeSpan.FromMilliseconds(options.MinIntervalMs), TimeSpan.FromMilliseconds(options.MaxIntervalMs),
            TimeSpan.FromMilliseconds(options.MinIntervalMs));
    }

    /// <summary>
    /// The 110 platform publishes plain JSON to the fanout exchange <c>dispatch.intake.alerts</c> with any
    /// AMQP client: the queue of the same name takes any body as an <see cref="AlertSubmission"/>.
    /// </summary>
    private static void ConfigureRawAlertIntake(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, RetryOptions retry)
    {
        cfg.ReceiveEndpoint(RawAlertIntakeConsumer.QueueName, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            endpoint.UseMessageRetry(r => Retry(r, retry));
            endpoint.ConfigureConsumer<RawAlertIntakeConsumer>(context);
        });
    }
}
