using MassTransit;

namespace Dispatch.Server.Operations;

/// <summary>
/// Publishing from an HTTP request: intake and position reports answer 202 only once the broker has confirmed,
/// and 503 rather than hang when it does not.
/// </summary>
public static class BusPublisher
{
    /// <summary>How long a request waits for the broker to confirm before it answers 503.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Publishes, waiting at most <see cref="Timeout"/> for the broker; the exception if it refused or did not answer.</summary>
    public static async Task<Exception?> TryPublishAsync<T>(IPublishEndpoint bus, T message, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await bus.Publish(message, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }
}
