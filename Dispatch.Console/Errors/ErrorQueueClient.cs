using System.Text;
using Dispatch.Server.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.Console.Errors;

/// <summary>A failed message as the error queue holds it, with MassTransit's fault headers.</summary>
public sealed record FailedMessage(string? MessageId, string? Reason, string? ExceptionType, string? ExceptionMessage, string BodyPreview);

/// <summary>One error queue: how many messages wait, and a look at the first few.</summary>
public sealed record ErrorQueueState(string SourceQueue, uint Count, bool Exists, IReadOnlyList<FailedMessage> Peeked);

/// <summary>Reads and drains RabbitMQ error queues with the plain AMQP client.</summary>
public sealed class ErrorQueueClient(IConnection connection) : IAsyncDisposable
{
    public const string DefaultUri = "amqp://guest:guest@localhost:5672/";
    public const string UriEnvironmentVariable = "DISPATCH_AMQP";

    public static async Task<ErrorQueueClient> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = uri, ClientProvidedName = "dispatch-cli errors" };
        return new ErrorQueueClient(await factory.CreateConnectionAsync(cancellationToken));
    }

    public async Task<ErrorQueueState> InspectAsync(string sourceQueue, int peek, CancellationToken cancellationToken)
    {
        var errorQueue = sourceQueue + ErrorQueues.Suffix;
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        uint count;
        try
        {
            count = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            // MassTransit declares an error queue with its first fault: none yet means nothing ever failed there.
            return new ErrorQueueState(sourceQueue, 0, false, []);
        }

        var peeked = new List<FailedMessage>();
        ulong lastTag = 0;
        for (var i = 0; i < peek; i++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            lastTag = message.DeliveryTag;
            peeked.Add(Describe(message));
        }

        if (lastTag != 0)
        {
            // Only a look: everything goes back on the queue.
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
        }

        return new ErrorQueueState(sourceQueue, count, true, peeked);
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages from the error queue back to their queue, each confirmed by
    /// the broker before it is removed from the error queue, so a crash mid-way duplicates at worst and never
    /// loses (consumers are idempotent).
    /// </summary>
    public async Task<int> ReplayAsync(string sourceQueue, int limit, CancellationToken cancellationToken)
    {
        var errorQueue = sourceQueue + ErrorQueues.Suffix;
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.QueueDeclarePassiveAsync(sourceQueue, cancellationToken);
        var moved = 0;
        while (moved < limit)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
                DeliveryMode = DeliveryModes.Persistent,
            };
            await channel.BasicPublishAsync("", sourceQueue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The message itself rather than MassTransit's envelope around it, which starts with ids and addresses.</summary>
    private static string MessageOf(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var inner)
                ? inner.GetRawText()
                : body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    private static FailedMessage Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

        var body = MessageOf(Encoding.UTF8.GetString(message.Body.Span));
        var preview = body.Length <= 240 ? body : body[..240] + "…";
        return new FailedMessage(message.BasicProperties.MessageId ?? Header("MessageId"), Header("MT-Reason"),
            Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message"), preview.ReplaceLineEndings(" "));
    }
}
