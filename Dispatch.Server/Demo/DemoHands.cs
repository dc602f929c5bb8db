using Dispatch.Server.Assignment.UseCases;

namespace Dispatch.Server.Demo;

/// <summary>
/// The production use-case handlers the demo feed and its simulated responders act through, resolved per pass (they
/// are scoped), so the demo follows exactly the rules a person at a screen or phone does.
/// </summary>
public sealed record DemoHands(
    DispatchUnits Dispatch, StepAssignment Step, RequestReinforcement Reinforce, ResolveIncident Resolve, HandOverIncident HandOver, SetDuty Duty);
