using Dispatch.Contracts;
using Dispatch.Server.Assignment;
using Dispatch.Server.Assignment.UseCases;
using Dispatch.Server.Incidents;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Server.Screens;

/// <summary>
/// Pushes an assignment's change to the command screens of its incident's areas (with the next recommendations after a
/// decline) and to the phones of its unit. The stored assignment is pushed, so a late message shows the current state.
/// </summary>
public sealed class AssignmentChangedScreenConsumer(
    IHubContext<CommandHub, ICommandClient> command, IHubContext<ResponderHub, IResponderClient> responders,
    AssignmentStore assignments, IncidentStore incidents, Recommender recommender) : IConsumer<AssignmentChanged>
{
    public async Task Consume(ConsumeContext<AssignmentChanged> context)
    {
        var token = context.CancellationToken;
        if (await assignments.GetAsync(context.Message.AssignmentId, token) is not { } assignment)
        {
            return;
        }

        await responders.Clients.Group(ScreenGroups.Unit(assignment.UnitCode)).AssignmentChanged(assignment);
        if (await incidents.GetAsync(assignment.IncidentId, token) is not { } incident)
        {
            return;
        }

        IReadOnlyList<RecommendedUnit> next = [];
        if (context.Message.State == AssignmentState.Declined && incident.Status != IncidentStatus.Closed)
        {
            next = (await recommender.ForAsync(incident, StepAssignment.RecommendationsAfterDecline, token)).Units ?? [];
        }

        await command.Clients.Groups(ScreenGroups.ForIncident(incident)).AssignmentChanged(assignment, next);
    }
}
