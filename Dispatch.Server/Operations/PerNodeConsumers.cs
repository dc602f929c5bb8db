using MassTransit;

namespace Dispatch.Server.Operations;

/// <summary>
/// Consumers that every node must run for its own SignalR connections (screen pushes): each node gets its own
/// queue, deleted with its connection. The instance id makes the queue's name unique per node — without it two
/// nodes fight over one exclusive queue and the second never becomes ready (the two-node test found that).
/// </summary>
public static class PerNodeConsumers
{
    /// <summary>Unique per server process (servers sharing one process, as in tests, share it).</summary>
    public static readonly string InstanceId = $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public static void AddPerNodeConsumer<T>(this IBusRegistrationConfigurator bus)
        where T : class, IConsumer =>
        bus.AddConsumer<T>().Endpoint(e => (e.Temporary, e.InstanceId) = (true, InstanceId));
}
