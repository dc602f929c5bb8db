using Dispatch.Server.Assignment;
using Dispatch.Server.Clock;
using Dispatch.Server.Intake;
using Dispatch.Server.Operations;
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
            bus.AddPerNodeConsumer<ReloadReferenceDataConsumer>();
            bus.AddRoutingConsumers();
            bus.AddScreenConsumers();
            bus.AddAssignmentConsumers();
            bus.AddClockConsumers();
            bus.AddTaskOrderConsumers();

            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoint.UseMessageRetry(r => Retry(r, options.Retry));

                // Quorum queues replicate over a RabbitMQ cluster. Only the durable work queues (the named list
                // that error handling uses too); a screen's per-node queue is auto-deleted and cannot be quorum.
                if (options.RabbitMq.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && ErrorQueues.SourceQueues.Contains(name))
                {
                    rabbit.SetQuorumQueue();
                }
            });

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
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    ConfigureRawAlertIntake(cfg, context, options.Retry, options.RabbitMq.QuorumQueues);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.ConfigureEndpoints(context);
                });
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
    private static void ConfigureRawAlertIntake(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, RetryOptions retry, bool quorum)
    {
        cfg.ReceiveEndpoint(RawAlertIntakeConsumer.QueueName, endpoint =>
        {
            if (quorum)
            {
                endpoint.SetQuorumQueue();
            }

            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            endpoint.UseMessageRetry(r => Retry(r, retry));
            endpoint.ConfigureConsumer<RawAlertIntakeConsumer>(context);
        });
    }
}
