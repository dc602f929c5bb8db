using Dispatch.Contracts;
using Dispatch.Server.Assignment.UseCases;

namespace Dispatch.Server.Assignment;

/// <summary>
/// The steps a responder's phone offers on an assignment, main one first, as paths: <c>acknowledge</c>, <c>en-route</c>,
/// <c>on-scene</c>, <c>clear</c> and <c>decline</c> under <c>/api/assignments/{id}/</c>; <c>resolve</c>,
/// <c>reinforce</c> and <c>hand-over</c> under <c>/api/incidents/{id}/</c>. Pure, and made of the rules the routes
/// apply (<see cref="AssignmentTransitions"/> and <see cref="FieldAccess"/>), so the page shows buttons from the
/// server's answer and keeps no copy of the state machine.
/// </summary>
public static class AssignmentSteps
{
    public const string Acknowledge = "acknowledge";
    public const string EnRoute = "en-route";
    public const string OnScene = "on-scene";
    public const string Clear = "clear";
    public const string Decline = "decline";
    public const string Resolve = "resolve";
    public const string Reinforce = "reinforce";
    public const string HandOver = "hand-over";

    /// <summary>
    /// One step forward at a time (the state machine accepts a skipped step, since radios drop messages, but the buttons
    /// go in order); on scene, the primary unit resolves or hands over and a reinforcement unit clears itself; anyone on
    /// scene asks for reinforcement; decline while the machine allows it (before on scene). Nothing once the assignment
    /// is finished or its incident closed.
    /// </summary>
    public static IReadOnlyList<string> Offered(AssignmentSummary assignment, IncidentStatus incidentStatus)
    {
        var state = assignment.State;
        if (incidentStatus == IncidentStatus.Closed || !AssignmentTransitions.IsOpen(state))
        {
            return [];
        }

        var steps = new List<string>();
        if (Forward(state) is var (action, path) && AssignmentTransitions.Next(state, action).Changed)
        {
            steps.Add(path);
        }

        var primaryOnScene = FieldAccess.PrimaryOnScene(assignment);
        if (primaryOnScene)
        {
            steps.Add(Resolve);
        }
        else if (state == AssignmentState.OnScene && AssignmentTransitions.Next(state, AssignmentAction.Clear).Changed)
        {
            steps.Add(Clear);
        }

        if (FieldAccess.OnScene(assignment))
        {
            steps.Add(Reinforce);
        }

        if (primaryOnScene)
        {
            steps.Add(HandOver);
        }

        if (AssignmentTransitions.Next(state, AssignmentAction.Decline).Changed)
        {
            steps.Add(Decline);
        }

        return steps;
    }

    private static (AssignmentAction Action, string Path)? Forward(AssignmentState state) => state switch
    {
        AssignmentState.Dispatched => (AssignmentAction.Acknowledge, Acknowledge),
        AssignmentState.Acknowledged => (AssignmentAction.EnRoute, EnRoute),
        AssignmentState.EnRoute => (AssignmentAction.OnScene, OnScene),
        _ => null,
    };
}
