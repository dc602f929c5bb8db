using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes clock changes and breach alarms to the screens connected to this node (a per-node queue, like the other
/// screen consumers). Alarms go to the incident's groups, which its area's operators and supervisors joined.
/// </summary>
public sealed class ClockScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, IncidentStore incidents, ClockStore clocks)
    : IConsumer<ClockUpdated>, IConsumer<ClockWarning>, IConsumer<ClockEscalated>
{
    public async Task Consume(ConsumeContext<ClockUpdated> context)
    {
        var incident = await incidents.GetAsync(context.Message.Clock.IncidentId, context.CancellationToken);
        if (incident is not null)
        {
            await hub.Clients.Groups(ScreenGroups.ForIncident(incident)).ClockChanged(context.Message.Clock, context.Message.Change);
        }
    }

    public async Task Consume(ConsumeContext<ClockWarning> context)
    {
        var warning = context.Message;
        var incident = await incidents.GetAsync(warning.IncidentId, context.CancellationToken);
        var warned = (await clocks.ForIncidentAsync(warning.IncidentId, context.CancellationToken)).FirstOrDefault(c => c.Kind == warning.Kind);
        if (incident is not null && warned is not null)
        {
            await hub.Clients.Groups(ScreenGroups.ForIncident(incident)).ClockChanged(warned.ToView(), "warned");
        }
    }

    public Task Consume(ConsumeContext<ClockEscalated> context) =>
        hub.Clients.Groups(ScreenGroups.ForIncident(context.Message.Incident)).ClockAlarm(context.Message);
}
