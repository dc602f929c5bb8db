using System.CommandLine;
using Dispatch.Console.Intake;
using Dispatch.Server.Demo;

namespace Dispatch.Console.Alerts;

/// <summary><c>dispatch alert send</c> and <c>dispatch alert demo</c>.</summary>
public static class AlertCommands
{
    public static Command Build()
    {
        var alert = new Command("alert", "Send 110 alerts (警情) to the intake endpoint.");
        alert.Subcommands.Add(IntakeCommands.BuildSend(
            IntakeKind.Alerts, "POST alert JSON from a file to {server}/api/intake/alerts and print the incident reference."));
        alert.Subcommands.Add(IntakeCommands.BuildDemo(
            IntakeKind.Alerts, "Generate realistic 110 demo alerts around Hangzhou's east side and send them at a steady rate.", DemoSource));
        return alert;
    }

    /// <summary>Other verbs take the server the same way.</summary>
    internal static Option<string> ServerOption() => IntakeCommands.ServerOption();

    private static DemoSource DemoSource(int seed)
    {
        var generator = new DemoAlertGenerator(new Random(seed), DemoAlertGenerator.NewRunId());
        return new DemoSource(generator.RunId, now =>
        {
            var alert = generator.Next(now);
            return (alert.AlertId, IntakeSender.Serialize(alert));
        });
    }
}
