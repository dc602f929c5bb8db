using Dispatch.Contracts;
using Dispatch.Server.Operations.Metrics;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes every opened incident, then the clocks it started with, to the screens connected to this node: one
/// message per incident, and the page never sees a clock before its incident.
/// </summary>
public sealed class IncidentOpenedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, TimeProvider clock, DispatchMetrics metrics)
    : IConsumer<IncidentOpened>
{
    public async Task Consume(ConsumeContext<IncidentOpened> context)
    {
        var screens = hub.Clients.Groups(ScreenGroups.ForIncident(context.Message.Incident));
        await screens.IncidentOpened(context.Message.Incident);
        foreach (var started in context.Message.Clocks ?? [])
        {
            await screens.ClockChanged(started, "started");
        }

        metrics.StageDuration("screen", clock.GetUtcNow() - context.Message.Incident.OpenedAt);
    }
}
