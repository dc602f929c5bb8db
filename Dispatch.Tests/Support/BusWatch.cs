using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Support;

/// <summary>
/// Watches the server's bus, so a test that must show something did <em>not</em> happen waits for the event that
/// comes after it instead of sleeping: a message consumed (the consumer has finished with it, stored or ignored it)
/// or the messages published during a request (a publish completes before the endpoint answers).
/// </summary>
public sealed class BusWatch<T> : IConsumeMessageObserver<T>, IPublishObserver, IDisposable
    where T : class
{
    private readonly Func<T, bool> match;
    private readonly SemaphoreSlim consumed = new(0);
    private readonly ConcurrentQueue<T> published = new();
    private readonly ConnectHandle consumeHandle;
    private readonly ConnectHandle publishHandle;

    /// <summary>Starts watching for messages of type <typeparamref name="T"/> that match; start before the action.</summary>
    public BusWatch(RunningServer running, Func<T, bool> match)
    {
        this.match = match;
        var bus = running.App.Services.GetRequiredService<IBus>();
        consumeHandle = bus.ConnectConsumeMessageObserver(this);
        publishHandle = bus.ConnectPublishObserver(this);
    }

    /// <summary>The matching messages published so far.</summary>
    public IReadOnlyCollection<T> Published => published.ToArray();

    /// <summary>Completes when <paramref name="count"/> matching messages have been consumed, successfully or not.</summary>
    public async Task ConsumedAsync(TimeSpan timeout, int count = 1)
    {
        using var cts = new CancellationTokenSource(timeout);
        for (var i = 0; i < count; i++)
        {
            try
            {
                await consumed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{i} of {count} {typeof(T).Name} messages consumed within {timeout.TotalSeconds} s.");
            }
        }
    }

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        if (match(context.Message))
        {
            consumed.Release();
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => PostConsume(context);

    public Task PrePublish<TMessage>(PublishContext<TMessage> context)
        where TMessage : class => Task.CompletedTask;

    public Task PostPublish<TMessage>(PublishContext<TMessage> context)
        where TMessage : class
    {
        if (context.Message is T message && match(message))
        {
            published.Enqueue(message);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<TMessage>(PublishContext<TMessage> context, Exception exception)
        where TMessage : class => Task.CompletedTask;

    public void Dispose()
    {
        consumeHandle.Disconnect();
        publishHandle.Disconnect();
        consumed.Dispose();
    }
}
