using Dispatch.Contracts;
using Dispatch.Server.Assignment.UseCases;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Dispatches the top recommendation as primary to urgent police incidents as they open (<c>Dispatch:AutoDispatch</c>).
/// Idempotent: an incident that already has its automatic primary is left alone, and the database refuses a second
/// one should two deliveries race.
/// </summary>
public sealed class AutoDispatchConsumer(
    DispatchUnits dispatch, Recommender recommender, AssignmentStore assignments, IOptions<DispatchOptions> options, ILogger<AutoDispatchConsumer> logger)
    : IConsumer<IncidentOpened>
{
    public async Task Consume(ConsumeContext<IncidentOpened> context)
    {
        var incident = context.Message.Incident;
        if (!options.Value.AutoDispatch || !DispatchRules.AutoDispatchApplies(incident))
        {
            return;
        }

        var token = context.CancellationToken;
        if ((await assignments.ForIncidentAsync(incident.Id, token)).Any(a => a.DispatchedBy == Actor.System.Name && a.Role == AssignmentRole.Primary))
        {
            logger.LogDebug("Incident {IncidentId} already auto-dispatched; redelivery ignored", incident.Id);
            return;
        }

        var (candidates, why) = await recommender.ForAsync(incident, options.Value.AutoDispatchCandidates, token);
        foreach (var candidate in candidates ?? [])
        {
            var result = await dispatch.DispatchAsync(incident, new DispatchOrder([new DispatchLine(candidate.Unit.Code, AssignmentRole.Primary)]), Actor.System, token);
            if (result.Refused is null)
            {
                return;
            }

            // Taken by an operator or another incident between ranking and dispatch: the next one will do.
            logger.LogInformation("Auto-dispatch of unit {UnitCode} to incident {IncidentId} refused: {Reason}", candidate.Unit.Code, incident.Id, result.Refused.Detail);
        }

        logger.LogWarning("Incident {IncidentId} could not be auto-dispatched ({Reason}); it waits for an operator", incident.Id, why ?? "no available unit");
    }
}
