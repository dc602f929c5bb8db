using Dispatch.Contracts;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>Pushes every opened incident to the screens connected to this node.</summary>
public sealed class IncidentOpenedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub) : IConsumer<IncidentOpened>
{
    public Task Consume(ConsumeContext<IncidentOpened> context) =>
        hub.Clients.Group(ScreenGroups.Incidents).IncidentOpened(context.Message.Incident);
}
