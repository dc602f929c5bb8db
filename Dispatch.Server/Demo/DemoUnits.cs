using Dispatch.Contracts;
using Dispatch.Server.Assignment;

namespace Dispatch.Server.Demo;

/// <summary>
/// The invented units of 云峰街道 (<c>infra/geo/units.json</c>, written by <c>infra/geo/generate.cs</c>), shipped
/// inside the server so a demo has units to rank from the first start.
/// </summary>
public static class DemoUnits
{
    public const string ResourceName = "Dispatch.Server.Demo.units.json";

    /// <summary>The demo units with their starting positions, taken at <paramref name="at"/>.</summary>
    public static IReadOnlyList<UnitSummary> Load(DateTimeOffset at)
    {
        var file = DemoFiles.ReadJson<UnitsFile>(ResourceName);
        return file.Units.Select(u => new UnitSummary(u.Code, u.Name, u.Organisation, u.Kind, new GeoPoint(u.Lon, u.Lat), at)).ToList();
    }

    /// <summary>
    /// Adds the demo units or refreshes their names, organisations and kinds. Their starting positions (taken
    /// <paramref name="at"/>) never overwrite a newer reported position, so seeding again is harmless.
    /// </summary>
    public static async Task<int> SeedAsync(UnitStore store, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var units = Load(at);
        foreach (var unit in units)
        {
            await store.UpsertAsync(unit, cancellationToken);
        }

        return units.Count;
    }

    private sealed record UnitsFile(IReadOnlyList<UnitEntry> Units);

    private sealed record UnitEntry(string Code, string Name, string Organisation, UnitKind Kind, double Lon, double Lat);
}
