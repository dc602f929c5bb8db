using Dispatch.Contracts;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Assignment;

/// <summary>Configuration section <c>Units</c>: travel speeds per kind and when a position counts as stale.</summary>
public sealed class UnitOptions
{
    public const string Section = "Units";

    /// <summary>
    /// km/h per kind (<c>Units:Speeds:PatrolCar</c> …). Urban averages, not top speeds: a patrol car in
    /// Hangzhou's traffic, the linkage squad on e-bikes, everyone else walking. Keys not configured keep these.
    /// </summary>
    public Dictionary<UnitKind, double> Speeds { get; init; } = new()
    {
        [UnitKind.PatrolCar] = 30,
        [UnitKind.FootPatrol] = 5,
        [UnitKind.LinkageSquad] = 20,
        [UnitKind.GridMember] = 5,
        [UnitKind.DepartmentTeam] = 25,
    };

    /// <summary>A position older than this (<c>Units:StaleAfter</c>, e.g. <c>00:10:00</c>) is ranked last and marked stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How far outside its organisation's served areas a reported position may lie (<c>Units:PositionMarginMetres</c>):
    /// a unit crosses the street's edge on a call or to refuel, but a report from another city is a wrong or forged one.
    /// </summary>
    public double PositionMarginMetres { get; set; } = 2_000;

    /// <summary>km/h for a kind; every kind has a default, so this never fails for a defined kind.</summary>
    public double SpeedOf(UnitKind kind) =>
        Speeds.TryGetValue(kind, out var speed) ? speed : throw new InvalidOperationException($"Units:Speeds:{kind} is not configured.");

    /// <summary>Every problem with the configured values, worded for the person editing appsettings.json.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            if (!Speeds.TryGetValue(kind, out var speed) || !double.IsFinite(speed) || speed <= 0 || speed > 200)
            {
                problems.Add($"Units:Speeds:{kind} must be a speed in km/h above 0 and at most 200.");
            }
        }

        if (!double.IsFinite(PositionMarginMetres) || PositionMarginMetres < 0)
        {
            problems.Add("Units:PositionMarginMetres must be a distance in metres, 0 or more.");
        }

        if (StaleAfter <= TimeSpan.Zero)
        {
            problems.Add("Units:StaleAfter must be a positive time span, e.g. 00:10:00.");
        }

        return problems;
    }
}

/// <summary>Refuses to start with a speed of zero or a negative stale age, naming the key to fix.</summary>
internal sealed class UnitOptionsValidator : IValidateOptions<UnitOptions>
{
    public ValidateOptionsResult Validate(string? name, UnitOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems);
    }
}
