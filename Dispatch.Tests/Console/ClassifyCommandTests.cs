using Dispatch.Tests.Support;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

public sealed class ClassifyCommandTests
{
    [Test]
    public async Task Classify_WhenOffline_PrintsCategoryKindConfidenceAndReasons()
    {
        var (exitCode, output) = await RunAsync("classify", "楼下烧烤店油烟太大，没有人打架");

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("cooking-fumes 油烟扰民"));
        Assert.That(output, Does.Contain("NonPolice"));
        Assert.That(output, Does.Match(@"置信度 Confidence:  [01]\.\d\d \(threshold 0\.\d\d\)"));
        Assert.That(output, Does.Contain("words that weighed most"));
        Assert.That(output, Does.Contain("offline (model 2"));
    }

    [Test]
    public async Task Classify_WhenTheModelIsMissing_SaysSoAndScoresByKeywords()
    {
        var (exitCode, output) = await RunAsync("classify", "楼下烧烤店油烟太大，没有人打架", "--model", Path.Combine(Path.GetTempPath(), "no-such-model"));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("offline (keywords: No model file"));
        Assert.That(output, Does.Contain("cooking-fumes 油烟扰民"));
        Assert.That(output, Does.Contain("否定「没有人打架」"));
    }

    [Test]
    public async Task Classify_WhenACodeIsGiven_ThatCodeWins()
    {
        var (exitCode, output) = await RunAsync("classify", "两个人打起来了", "--code", "noise");

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Contain("noise 噪音扰民"));
    }

    [Test]
    public async Task Classify_WhenVague_SaysNeedsTriageAndListsCandidates()
    {
        var (_, output) = await RunAsync("classify", "有个情况要说一下");

        // Plain or urgent: the model's danger probability decides which, the vagueness that it is triage.
        Assert.That(output, Does.Contain("triage"));
        Assert.That(output, Does.Contain("性质 Kind:          Unknown"));
        Assert.That(output, Does.Contain("候选 Candidates"));
    }

    [Test]
    public async Task Classify_WhenTheServerIsGiven_UsesTheServersCatalogue()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, output) = await RunAsync("classify", "楼道里飞线充电", "--server", server.Address.ToString());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("fire-lane-blocked"));
        Assert.That(output, Does.Contain(server.Address.ToString().TrimEnd('/')));
    }

    [Test]
    public async Task Classify_WhenTheServerIsDown_ExitsTwo()
    {
        var (exitCode, output) = await RunAsync("classify", "有人打架", "--server", "http://127.0.0.1:9");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("cannot reach"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = await Cli.RunAsync(Session.CliArgs(args), writer, writer);
        return (exitCode, writer.ToString());
    }
}
