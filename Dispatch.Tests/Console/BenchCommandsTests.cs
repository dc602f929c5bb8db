using Dispatch.Tests.Support;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

/// <summary><c>dispatch bench pipeline</c> runs end to end (a smoke test: the figures themselves belong in docs/PERFORMANCE.md).</summary>
[NonParallelizable]
public sealed class BenchCommandsTests
{
    [Test]
    public async Task BenchPipeline_AgainstARealServerOnRabbitMq_DeliversEveryAlertAndReportsBothPhases()
    {
        await using var running = await RunningServer.StartAsync(rabbitMq: TestEnvironment.RabbitMq, settings: new Dictionary<string, string> { ["Routing:DuplicateRadiusMetres"] = "0" });
        var json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();

        var exit = await Cli.RunAsync(["bench", "pipeline", "--server", running.Address.ToString(), "--amqp", TestEnvironment.RabbitMq.ToString(),
            "--rate", "40", "--duration", "1", "--json", json, "--user", "admin", "--password", Session.DemoPassword], output, output);

        Assert.That(exit, Is.EqualTo(0), output.ToString());
        Assert.That(output.ToString(), Does.Contain("pipeline throughput =").And.Contain("baseline: RabbitMQ.Client"));
        var figures = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        Assert.That(figures.GetProperty("pipeline").GetProperty("received").GetInt32(), Is.EqualTo(40));
        Assert.That(figures.GetProperty("baseline").GetProperty("received").GetInt32(), Is.EqualTo(40));
        File.Delete(json);
    }
}
