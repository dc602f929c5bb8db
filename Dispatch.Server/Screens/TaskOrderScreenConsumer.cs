using Dispatch.Contracts;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes every task-order change to the command screens of its areas (a per-node queue), so the operators'
/// task-order board stays live on the one connection the screen already has.
/// </summary>
public sealed class TaskOrderScreenConsumer(IHubContext<CommandHub, ICommandClient> hub) : IConsumer<TaskOrderChanged>
{
    public Task Consume(ConsumeContext<TaskOrderChanged> context) =>
        hub.Clients.Groups(ScreenGroups.ForTaskOrder(context.Message.Order)).TaskOrderChanged(context.Message.Order, context.Message.Change);
}
