using System.CommandLine;
using Dispatch.Console.Intake;
using Dispatch.Server.Demo;

namespace Dispatch.Console.GridEvents;

/// <summary><c>dispatch grid-event send</c> and <c>dispatch grid-event demo</c>.</summary>
public static class GridEventCommands
{
    public static Command Build()
    {
        var gridEvent = new Command("grid-event", "Send grid events (网格事件) from grid members, residents and sensors to the intake endpoint.");
        gridEvent.Subcommands.Add(IntakeCommands.BuildSend(
            IntakeKind.GridEvents, "POST grid event JSON from a file to {server}/api/intake/grid-events and print the incident reference."));
        gridEvent.Subcommands.Add(IntakeCommands.BuildDemo(
            IntakeKind.GridEvents, "Generate realistic grid events in the demo street 云峰街道 and send them at a steady rate.", DemoSource));
        return gridEvent;
    }

    private static DemoSource DemoSource(int seed)
    {
        var generator = new DemoGridEventGenerator(new Random(seed), DemoAlertGenerator.NewRunId());
        return new DemoSource(generator.RunId, now =>
        {
            var gridEvent = generator.Next(now);
            return (gridEvent.EventId, IntakeSender.Serialize(gridEvent));
        });
    }
}
