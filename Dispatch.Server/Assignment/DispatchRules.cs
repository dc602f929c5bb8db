using Dispatch.Contracts;

namespace Dispatch.Server.Assignment;

/// <summary>
/// One unit an operator (or auto-dispatch) wants on an incident; a null role means "what the incident needs"
/// (<see cref="DispatchRules.WithRoles"/>).
/// </summary>
public sealed record DispatchLine(string Code, AssignmentRole? Role);

/// <summary>Why one requested unit cannot be dispatched now.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Status">Its current status.</param>
/// <param name="IncidentId">The incident it is working on, if any.</param>
/// <param name="Reason">Readable, bilingual.</param>
/// <param name="Overridable">True when <c>override</c> with a reason would dispatch it anyway.</param>
public sealed record UnitConflict(string UnitCode, UnitStatus Status, Guid? IncidentId, string Reason, bool Overridable);

/// <summary>
/// The busy-unit rule and the other refusals of a dispatch. Pure: the units, their open assignments and the
/// incident's open assignments are passed in.
/// </summary>
public static class DispatchRules
{
    /// <summary>
    /// Gives every line without a role the one the incident needs: the first becomes the primary unit when the
    /// incident has no open primary and none is named in the dispatch; every other is a reinforcement. So an operator
    /// who sends a second unit to an incident sends a reinforcement, without being told to ask for one.
    /// </summary>
    public static IReadOnlyList<DispatchLine> WithRoles(IReadOnlyList<DispatchLine> lines, IReadOnlyList<AssignmentSummary> incidentAssignments)
    {
        var primaryTaken = lines.Any(l => l.Role == AssignmentRole.Primary)
            || incidentAssignments.Any(a => a.Role == AssignmentRole.Primary && AssignmentTransitions.IsOpen(a.State));
        var resolved = new List<DispatchLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Role is null)
            {
                resolved.Add(line with { Role = primaryTaken ? AssignmentRole.Reinforcement : AssignmentRole.Primary });
                primaryTaken = true;
            }
            else
            {
                resolved.Add(line);
            }
        }

        return resolved;
    }

    /// <summary>
    /// The conflicts of a dispatch. A unit that is not Available (off duty, busy, or working on another incident)
    /// conflicts unless <paramref name="overrideBusy"/>: then it is dispatched and its other assignment is left exactly
    /// as it was (recorded as diverted, never silently reset). A unit already on this incident, or a second primary,
    /// always conflicts.
    /// </summary>
    public static IReadOnlyList<UnitConflict> Conflicts(
        Guid incidentId, IReadOnlyList<DispatchLine> lines, IReadOnlyDictionary<string, UnitSummary> units,
        Func<string, IReadOnlyList<AssignmentSummary>> openAssignmentsOfUnit, IReadOnlyList<AssignmentSummary> incidentAssignments,
        bool overrideBusy)
    {
        var conflicts = new List<UnitConflict>();
        var openHere = incidentAssignments.Where(a => AssignmentTransitions.IsOpen(a.State)).ToList();
        if (lines.Count(l => l.Role == AssignmentRole.Primary) + openHere.Count(a => a.Role == AssignmentRole.Primary) > 1
            && lines.FirstOrDefault(l => l.Role == AssignmentRole.Primary) is { } extra)
        {
            var primary = openHere.FirstOrDefault(a => a.Role == AssignmentRole.Primary)?.UnitCode ?? extra.Code;
            conflicts.Add(new UnitConflict(extra.Code, units[extra.Code].Status, incidentId,
                $"事件已有主办力量 {primary} / the incident already has a primary unit ({primary}): send {extra.Code} as reinforcement", false));
        }

        foreach (var line in lines)
        {
            var unit = units[line.Code];
            var open = openAssignmentsOfUnit(line.Code);
            if (open.Any(a => a.IncidentId == incidentId) || openHere.Any(a => a.UnitCode == line.Code))
            {
                conflicts.Add(new UnitConflict(line.Code, unit.Status, incidentId,
                    $"{line.Code} 已在本事件上 / {line.Code} is already assigned to this incident", false));
                continue;
            }

            if (unit.Status == UnitStatus.Available || overrideBusy)
            {
                continue;
            }

            var elsewhere = open.Count > 0 ? open[0] : null;
            var where = elsewhere is null ? "" : $" on incident {elsewhere.IncidentId} / 正在处置事件 {elsewhere.IncidentId}";
            conflicts.Add(new UnitConflict(line.Code, unit.Status, elsewhere?.IncidentId,
                $"{line.Code} is {unit.Status}{where}; send override=true with a reason to dispatch it anyway / 该力量不可用，如确需调派请填写理由", true));
        }

        return conflicts;
    }

    /// <summary>
    /// Auto-dispatch applies to urgent police work only: priority 1–2 incidents of kind Police or Dispute that are
    /// open and routed to an organisation. Everything else waits for an operator's one click.
    /// </summary>
    public static bool AutoDispatchApplies(IncidentSummary incident) =>
        incident is { Kind: IncidentKind.Police or IncidentKind.Dispute, Priority: 1 or 2, Status: IncidentStatus.Open, Location: not null }
        && incident.Routing?.Organisation is not null;
}
