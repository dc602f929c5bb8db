using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Server.Intake;
using Dispatch.Server.Messaging;
using Dispatch.Tests.Support;
using MassTransit;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

/// <summary>A message that fails for a cause outside itself goes to the error queue; after the fix, a replay puts it through.</summary>
[NonParallelizable]
public sealed class ErrorCommandsTests
{
    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Bus:Retry:Limit"] = "1",
        ["Bus:Retry:MinIntervalMs"] = "50",
        ["Bus:Retry:MaxIntervalMs"] = "100",
    };

    [Test]
    public async Task ListThenReplay_WhenTheDatabaseWasBrokenAndIsFixed_OpensTheIncident()
    {
        await using var running = await RunningServer.StartAsync("PostgreSql", TestEnvironment.RabbitMq, settings: QuickRetries);
        var amqp = TestEnvironment.RabbitMq.ToString();
        var queue = ErrorQueues.EndpointNames.Consumer<Dispatch.Server.Routing.OpenIncidentFromAlertConsumer>();
        await Cli.RunAsync(["errors", "replay", queue, "--amqp", amqp], TextWriter.Null, TextWriter.Null); // start from an empty error queue
        await using (var connection = await running.Database.OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE alerts RENAME TO alerts_broken");
        }

        var alertId = "110-poison-" + Guid.NewGuid().ToString("N")[..8];
        using var platform = running.Machine();
        using var admin = await running.AsAsync("admin");
        var response = await platform.PostAsJsonAsync("/api/intake/alerts", new { alertId, receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "井盖缺失" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var listed = await Eventually.GetAsync(async () =>
        {
            var (_, text) = await RunAsync("errors", "list", "--amqp", amqp, "--peek", "5");
            return text.Contains($"{queue}_error: 1 failed", StringComparison.Ordinal) ? text : null;
        }, TimeSpan.FromSeconds(20), "the failed message in the error queue");
        Assert.That(listed, Does.Contain("PostgresException"));
        Assert.That(listed, Does.Contain(alertId));

        await using (var connection = await running.Database.OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE alerts_broken RENAME TO alerts");
        }

        var (exit, replayed) = await RunAsync("errors", "replay", queue + "_error", "--amqp", amqp);

        Assert.That(exit, Is.EqualTo(0), replayed);
        Assert.That(replayed, Does.Contain("Replayed 1 message(s)"));
        var id = IncidentReference.ForAlert(alertId);
        await Eventually.GetAsync(async () => (await admin.GetAsync($"/api/incidents/{id}")).IsSuccessStatusCode ? "" : null,
            TimeSpan.FromSeconds(10), "the incident after the replay");
        var (_, after) = await RunAsync("errors", "list", "--amqp", amqp);
        Assert.That(after, Does.Contain($"{queue}_error: 0 failed"));
    }

    [Test]
    public async Task List_WhenTheBrokerIsUnreachable_ExitsTwo()
    {
        var (exit, text) = await RunAsync("errors", "list", "--amqp", "amqp://guest:guest@127.0.0.1:1/");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(text, Does.Contain("cannot reach RabbitMQ"));
    }

    [Test]
    public void SourceQueues_NameEveryDurableConsumer()
    {
        // Screen consumers and the reference-data reload run on temporary (per-node) endpoints: no error queue to replay.
        var consumers = typeof(ErrorQueues).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .Where(t => t.Namespace != typeof(Dispatch.Server.Screens.CommandHub).Namespace && t != typeof(ReloadReferenceDataConsumer))
            .Select(t => t == typeof(RawAlertIntakeConsumer) ? RawAlertIntakeConsumer.QueueName : EndpointName(t))
            .ToList();

        Assert.That(ErrorQueues.SourceQueues, Is.EquivalentTo(consumers));
    }

    private static string EndpointName(Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(ErrorQueues.EndpointNames, null)!;

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await Cli.RunAsync(Session.CliArgs(args), output, output);
        return (exit, output.ToString());
    }
}
