using Dispatch.Contracts;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Tells the command screens on this node that an incident's alarms changed (acknowledged, or reinforcement asked
/// for), so each reloads its alarm list. A per-node queue like the other screen consumers; the incident's groups
/// are its areas' operators and supervisors.
/// </summary>
public sealed class AlarmScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, IncidentStore incidents)
    : IConsumer<AlarmsAcknowledged>, IConsumer<ReinforcementRequested>
{
    public async Task Consume(ConsumeContext<AlarmsAcknowledged> context)
    {
        foreach (var id in context.Message.IncidentIds)
        {
            await TellAsync(id, context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<ReinforcementRequested> context) => TellAsync(context.Message.IncidentId, context.CancellationToken);

    private async Task TellAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(incidentId, cancellationToken) is { } incident)
        {
            await hub.Clients.Groups(ScreenGroups.ForIncident(incident)).AlarmsChanged(incidentId);
        }
    }
}
