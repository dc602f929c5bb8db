using System.CommandLine;
using Dispatch.Server.Messaging;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.Console.Errors;

/// <summary>
/// <c>dispatch errors list | replay</c>: what failed on RabbitMQ, why, and putting it through again after a fix.
/// (The in-memory bus keeps no error queues.)
/// </summary>
public static class ErrorCommands
{
    public static Command Build()
    {
        var errors = new Command("errors", "RabbitMQ error queues: list failed messages and replay them after a fix.");
        errors.Subcommands.Add(BuildList());
        errors.Subcommands.Add(BuildReplay());
        return errors;
    }

    private static Option<string> AmqpOption() => new("--amqp")
    {
        Description = $"Broker URI with the virtual host (default: ${ErrorQueueClient.UriEnvironmentVariable}, else {ErrorQueueClient.DefaultUri}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ErrorQueueClient.UriEnvironmentVariable) is { Length: > 0 } uri ? uri : ErrorQueueClient.DefaultUri,
    };

    private static Command BuildList()
    {
        var amqp = AmqpOption();
        var peek = new Option<int>("--peek") { Description = "Show up to N failed messages per queue with their reasons.", DefaultValueFactory = _ => 3 };
        var list = new Command("list", "Show each error queue's depth and the first failed messages with their reasons.");
        list.Options.Add(amqp);
        list.Options.Add(peek);
        list.SetAction((parse, ct) => ListAsync(new Uri(parse.GetValue(amqp)!), Math.Max(0, parse.GetValue(peek)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return list;
    }

    private static Command BuildReplay()
    {
        var amqp = AmqpOption();
        var queue = new Argument<string>("queue") { Description = "The queue (or its _error queue) whose failed messages to put back." };
        var count = new Option<int?>("--count") { Description = "At most this many messages (default: all)." };
        var replay = new Command("replay", "Move failed messages from QUEUE_error back to QUEUE, after the cause is fixed.");
        replay.Arguments.Add(queue);
        replay.Options.Add(amqp);
        replay.Options.Add(count);
        replay.SetAction((parse, ct) => ReplayAsync(new Uri(parse.GetValue(amqp)!), parse.GetValue(queue)!, parse.GetValue(count) ?? int.MaxValue,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return replay;
    }

    internal static async Task<int> ListAsync(Uri amqp, int peek, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var client = await ConnectAsync(amqp, error, cancellationToken);
        if (client is null)
        {
            return ExitCodes.Unavailable;
        }

        var total = 0u;
        foreach (var source in ErrorQueues.SourceQueues)
        {
            var state = await client.InspectAsync(source, peek, cancellationToken);
            total += state.Count;
            await output.WriteLineAsync($"{source}{ErrorQueues.Suffix}: {state.Count} failed 条失败消息");
            foreach (var m in state.Peeked)
            {
                await output.WriteLineAsync($"  - {m.MessageId ?? "(no id)"}: {m.ExceptionType ?? m.Reason ?? "?"}: {m.ExceptionMessage}");
                await output.WriteLineAsync($"    {m.BodyPreview}");
            }
        }

        await output.WriteLineAsync(total == 0 ? "No failed messages. 无失败消息。" : $"{total} failed in all. Fix the cause, then: dispatch errors replay QUEUE");
        return ExitCodes.Ok;
    }

    internal static async Task<int> ReplayAsync(Uri amqp, string queue, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var source = ErrorQueues.SourceOf(queue);
        await using var client = await ConnectAsync(amqp, error, cancellationToken);
        if (client is null)
        {
            return ExitCodes.Unavailable;
        }

        try
        {
            var moved = await client.ReplayAsync(source, limit, cancellationToken);
            await output.WriteLineAsync($"Replayed {moved} message(s) from {source}{ErrorQueues.Suffix} to {source}. 已重放 {moved} 条。");
            return ExitCodes.Ok;
        }
        catch (OperationInterruptedException ex)
        {
            await error.WriteLineAsync($"cannot replay {source}: {ex.ShutdownReason?.ReplyText ?? ex.Message} (known queues: {string.Join(", ", ErrorQueues.SourceQueues)})");
            return ExitCodes.Rejected;
        }
    }

    private static async Task<ErrorQueueClient?> ConnectAsync(Uri amqp, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await ErrorQueueClient.ConnectAsync(amqp, cancellationToken);
        }
        catch (BrokerUnreachableException ex)
        {
            await error.WriteLineAsync($"cannot reach RabbitMQ at {amqp.Host}:{amqp.Port}{amqp.AbsolutePath}: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
    }
}
