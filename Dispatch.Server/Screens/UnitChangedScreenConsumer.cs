using Dispatch.Contracts;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>Pushes a unit's new status or position to every screen that watches the queue, so the map never goes stale.</summary>
public sealed class UnitChangedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub) : IConsumer<UnitChanged>
{
    public Task Consume(ConsumeContext<UnitChanged> context) =>
        hub.Clients.Group(ScreenGroups.Units).UnitChanged(context.Message.Unit);
}
