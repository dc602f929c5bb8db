namespace Dispatch.Server.Messaging;

/// <summary>The message bus, from the <c>Bus</c> configuration section.</summary>
public sealed class BusOptions
{
    /// <summary><c>InMemory</c> (default: one process, nothing to install) or <c>RabbitMq</c>.</summary>
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Messages each endpoint handles at once. Every consumer talks to the database: on a small machine more
    /// concurrency only queues for connections and CPU (measured in docs/PERFORMANCE.md).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    public bool UsesRabbitMq => string.Equals(Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where the RabbitMQ broker is. The password comes from configuration or the environment, never from the repo.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Declare the work queues as quorum queues (replicated; for a RabbitMQ cluster). Queue types cannot change
    /// after declaration: choose before the first start, or delete the queues when switching.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>How many unacknowledged messages each consumer may hold.</summary>
    public ushort PrefetchCount { get; set; } = 64;
}

/// <summary>
/// In-process retries of a failing message before it goes to the error queue: for transient faults such as a
/// locked database or a dropped connection. Exponential from the minimum to the maximum interval.
/// </summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 5;
    public int MinIntervalMs { get; set; } = 200;
    public int MaxIntervalMs { get; set; } = 10_000;
}
