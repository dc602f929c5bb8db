using Dispatch.Contracts;
using Dispatch.Server.Operations.Metrics;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>Pushes every opened incident to the screens connected to this node.</summary>
public sealed class IncidentOpenedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, TimeProvider clock, DispatchMetrics metrics)
    : IConsumer<IncidentOpened>
{
    public async Task Consume(ConsumeContext<IncidentOpened> context)
    {
        await hub.Clients.Groups(ScreenGroups.ForIncident(context.Message.Incident)).IncidentOpened(context.Message.Incident);
        metrics.StageDuration("screen", clock.GetUtcNow() - context.Message.Incident.OpenedAt);
    }
}
