using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Server.Assignment;

/// <summary>One unit in the ranking: how far it is, how soon it could be there, and whether its position is stale.</summary>
public sealed record RankedUnit(UnitSummary Unit, double DistanceMetres, TimeSpan Eta, bool Stale);

/// <summary>
/// Which units could be at a point first. Pure: positions, the time and the options are passed in.
/// Ordered by fresh before stale, then by ETA (a patrol car 2 km away beats a foot patrol 600 m away), then by
/// distance, then by code, so equal candidates always come in the same order.
/// </summary>
public static class UnitRanking
{
    /// <summary>Only a unit that is Available can be sent: a busy or off-duty one is not ranked as if it could.</summary>
    public static bool IsAvailable(UnitSummary unit) => unit.Status == UnitStatus.Available;

    /// <param name="point">Where the units are needed (WGS-84).</param>
    /// <param name="units">Candidates; units that never reported a position cannot be ranked and are left out.</param>
    /// <param name="now">The current time, for the staleness of positions.</param>
    /// <param name="options">Speeds per kind and the stale age.</param>
    /// <param name="limit">At most this many are returned.</param>
    /// <param name="isAvailable">Leaves out units that are not available; <see cref="IsAvailable"/> by default.</param>
    public static IReadOnlyList<RankedUnit> Rank(
        GeoPoint point, IEnumerable<UnitSummary> units, DateTimeOffset now, UnitOptions options,
        int limit = int.MaxValue, Func<UnitSummary, bool>? isAvailable = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var available = isAvailable ?? IsAvailable;
        return units
            .Where(u => u.Position is not null && u.PositionAt is not null && available(u))
            .Select(u =>
            {
                var distance = GreatCircle.DistanceMetres(point, u.Position!);
                var eta = TimeSpan.FromHours(distance / 1000.0 / options.SpeedOf(u.Kind));
                var stale = now - u.PositionAt!.Value > options.StaleAfter;
                return new RankedUnit(u, distance, eta, stale);
            })
            .OrderBy(r => r.Stale)
            .ThenBy(r => r.Eta)
            .ThenBy(r => r.DistanceMetres)
            .ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
