using Dispatch.Contracts;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>Pushes every task-order change to the desks connected to this node (a per-node queue).</summary>
public sealed class TaskOrderDeskConsumer(IHubContext<DeskHub, IDeskClient> hub) : IConsumer<TaskOrderChanged>
{
    public Task Consume(ConsumeContext<TaskOrderChanged> context) =>
        hub.Clients.Groups(TaskOrderGroups.ForOrder(context.Message.Order)).TaskOrderChanged(context.Message.Order, context.Message.Change);
}
