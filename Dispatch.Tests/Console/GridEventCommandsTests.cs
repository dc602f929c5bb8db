using Dispatch.Server.Intake;
using Dispatch.Tests.Support;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

/// <summary>The <c>grid-event</c> verbs against a real server on a real port, run in-process.</summary>
[NonParallelizable]
public sealed class GridEventCommandsTests
{
    private string directory = null!;
    private RunningServer running = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        directory = Directory.CreateTempSubdirectory("dispatch-cli-grid-").FullName;
        running = await RunningServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await running.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Send_WhenTheFileHoldsAValidEventWithoutATime_ExitsZeroAndPrintsTheReference()
    {
        var file = Path.Combine(directory, "event.json");
        await File.WriteAllTextAsync(file, """
            {"eventId":"GE-cli-1","reporter":"WG-330102007001001","description":"3幢消防通道被杂物堵塞","gridCode":"330102007001001","tier":"major"}
            """);

        var (exitCode, output) = await RunAsync("grid-event", "send", "--file", file, "--server", running.Address.ToString());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain($"GE-cli-1 accepted 已受理 → incident {IncidentReference.ForGridEvent("GE-cli-1")}"));
    }

    [Test]
    public async Task Send_WhenAFieldIsBad_ExitsOneNamingIt()
    {
        var file = Path.Combine(directory, "bad.json");
        await File.WriteAllTextAsync(file, """{"eventId":"GE-cli-bad","reporter":"r","description":"x","gridCode":"1","tier":"huge"}""");

        var (exitCode, output) = await RunAsync("grid-event", "send", "--file", file, "--server", running.Address.ToString());

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("GE-cli-bad rejected").And.Contain("tier: "));
    }

    [Test]
    public async Task Demo_WhenServerIsUp_SendsEveryEventAndSummarises()
    {
        var (exitCode, output) = await RunAsync("grid-event", "demo", "--count", "15", "--rate", "0", "--seed", "9", "--server", running.Address.ToString());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("demo grid events"));
        Assert.That(output, Does.Match(@"accepted 已受理\s*│\s*15"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = await Cli.RunAsync(Session.CliArgs(args), writer, writer);
        return (exitCode, writer.ToString());
    }
}
