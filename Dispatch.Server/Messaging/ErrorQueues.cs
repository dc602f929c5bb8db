using Dispatch.Server.Assignment;
using Dispatch.Server.Intake;
using Dispatch.Server.Routing;
using MassTransit;

namespace Dispatch.Server.Messaging;

/// <summary>
/// The durable queues whose failed messages land in <c>&lt;queue&gt;_error</c> (MassTransit's convention on
/// RabbitMQ), for <c>dispatch errors list|replay</c>. AMQP cannot list queues, so they are named here; a test
/// fails when a durable consumer is missing from this list.
/// </summary>
public static class ErrorQueues
{
    public const string Suffix = "_error";

    public static readonly IEndpointNameFormatter EndpointNames = new KebabCaseEndpointNameFormatter("dispatch", includeNamespace: false);

    public static IReadOnlyList<string> SourceQueues { get; } =
    [
        RawAlertIntakeConsumer.QueueName,
        EndpointNames.Consumer<OpenIncidentFromAlertConsumer>(),
        EndpointNames.Consumer<OpenIncidentFromGridEventConsumer>(),
        EndpointNames.Consumer<UnitPositionConsumer>(),
        EndpointNames.Consumer<Clock.ApplyClockRulesConsumer>(),
        EndpointNames.Consumer<Clock.ClockEscalationConsumer>(),
        EndpointNames.Consumer<AutoDispatchConsumer>(),
        EndpointNames.Consumer<Dispatch.Server.TaskOrders.IssueTaskOrderOnHandOverConsumer>(), EndpointNames.Consumer<Dispatch.Server.TaskOrders.IssueTaskOrderForComplexGridEventConsumer>(),
    ];

    /// <summary>"x" or "x_error" → "x".</summary>
    public static string SourceOf(string queue) =>
        queue.EndsWith(Suffix, StringComparison.Ordinal) ? queue[..^Suffix.Length] : queue;
}
