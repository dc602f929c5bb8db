using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes clock changes and breach alarms to the screens connected to this node (a per-node queue, like the other
/// screen consumers). Alarms go to the incident's groups, which its area's operators and supervisors joined.
/// </summary>
public sealed class ClockScreenConsumer(IHubContext<CommandHub, ICommandClient> hub, IncidentStore incidents, ClockStore clocks, IMemoryCache cache)
    : IConsumer<ClockUpdated>, IConsumer<ClockWarning>, IConsumer<ClockEscalated>
{
    /// <summary>
    /// The screen groups of an incident, read once per node: its areas never change after it opened, and each
    /// incident's clocks change several times (started ×3, warned, met or breached) on every node.
    /// </summary>
    private async Task<IReadOnlyList<string>?> GroupsAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(("screen-groups", incidentId), out IReadOnlyList<string>? known))
        {
            return known;
        }

        var incident = await incidents.GetAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var groups = ScreenGroups.ForIncident(incident);
        cache.Set(("screen-groups", incidentId), groups, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(15), Size = 1 });
        return groups;
    }

    public async Task Consume(ConsumeContext<ClockUpdated> context)
    {
        if (await GroupsAsync(context.Message.Clock.IncidentId, context.CancellationToken) is { } groups)
        {
            await hub.Clients.Groups(groups).ClockChanged(context.Message.Clock, context.Message.Change);
        }
    }

    public async Task Consume(ConsumeContext<ClockWarning> context)
    {
        var warning = context.Message;
        var groups = await GroupsAsync(warning.IncidentId, context.CancellationToken);
        var warned = (await clocks.ForIncidentAsync(warning.IncidentId, context.CancellationToken)).FirstOrDefault(c => c.Kind == warning.Kind);
        if (groups is not null && warned is not null)
        {
            await hub.Clients.Groups(groups).ClockChanged(warned.ToView(), "warned");
        }
    }

    public Task Consume(ConsumeContext<ClockEscalated> context) =>
        hub.Clients.Groups(ScreenGroups.ForIncident(context.Message.Incident)).ClockAlarm(context.Message);
}
