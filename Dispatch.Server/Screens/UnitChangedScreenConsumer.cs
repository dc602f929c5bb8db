using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes a unit's new status or position to the screens whose scope reaches it (admins' and those of the areas its
/// organisation serves), so a map never goes stale and never shows another street's units.
/// </summary>
public sealed class UnitChangedScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, UnitScope unitScope) : IConsumer<UnitChanged>
{
    public Task Consume(ConsumeContext<UnitChanged> context) =>
        hub.Clients.Groups(ScreenGroups.ForUnit(unitScope.PlaceOf(context.Message.Unit))).UnitChanged(context.Message.Unit);
}
