using Dispatch.Contracts;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>Pushes every change to an incident to the screens connected to this node, so none goes stale.</summary>
public sealed class IncidentUpdatedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub) : IConsumer<IncidentUpdated>
{
    public Task Consume(ConsumeContext<IncidentUpdated> context) =>
        hub.Clients.Groups(ScreenGroups.ForIncident(context.Message.Incident)).IncidentUpdated(context.Message.Incident, context.Message.Change);
}
