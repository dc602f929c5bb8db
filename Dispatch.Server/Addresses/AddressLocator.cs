using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Server.Addresses;

/// <summary>Where a report is, after its address was matched: the location to route by, the match, and a reason to record.</summary>
public sealed record Located(GeoPoint? Location, AddressLocation? Match, string? Reason);

/// <summary>
/// Pure: places a report by its address when it came without a location. A given location always wins; the address
/// is still matched, and a match far from the given point is said. A match below the threshold places nothing: the
/// report goes to triage with the alternatives for an operator to pick.
/// </summary>
public static class AddressLocator
{
    public static Located Decide(GeoPoint? given, string? address, AddressIndex register, AddressOptions options)
    {
        if (string.IsNullOrWhiteSpace(address) || register.Count == 0)
        {
            return new Located(given, null, null);
        }

        var result = register.Match(address);
        var alternatives = result.Alternatives.Take(3).ToList();
        if (given is not null)
        {
            double? distance = result.Best is { } b ? Math.Round(GreatCircle.DistanceMetres(given, b.Location)) : null;
            var match = new AddressLocation(address, result.Best, alternatives, result.MatchedOn, Used: false, distance);
            var reason = distance > options.DisagreementMetres
                ? string.Create(CultureInfo.InvariantCulture,
                    $"定位与地址不符：相距 {distance:0} 米，以定位为准 / the given location is {distance:0} m from the address {result.Best!.Address}; the location is used")
                : null;
            return new Located(given, match, reason);
        }

        if (result.Best is { } best && best.Score >= options.Threshold)
        {
            return new Located(best.Location, new AddressLocation(address, best, alternatives, result.MatchedOn, Used: true),
                string.Create(CultureInfo.InvariantCulture, $"按地址定位：{best.Address}（匹配度 {best.Score:0.00}）/ located by its address (score {best.Score:0.00})"));
        }

        var unsure = result.Best is null
            ? "地址库中找不到该地址 / the address is not in the register"
            : string.Create(CultureInfo.InvariantCulture, $"地址匹配不确定（{result.Best.Score:0.00}），请从候选地址中选择 / the address match is unsure: pick one of the candidates");
        return new Located(null, new AddressLocation(address, result.Best, alternatives, result.MatchedOn, Used: false), unsure);
    }

    /// <summary>An operator's pick: the entry's point becomes the location, and the match says who chose it.</summary>
    public static AddressLocation Picked(AddressLocation? previous, string reportedAddress, AddressEntry entry, string actor)
    {
        var earlier = previous is null ? [] : new[] { previous.Best }.Concat(previous.Alternatives).OfType<AddressCandidate>().ToList();
        var score = earlier.FirstOrDefault(c => c.AddressId == entry.Id)?.Score ?? 1;
        var chosen = AddressIndex.Candidate(entry, score);
        return new AddressLocation(previous?.Text ?? reportedAddress, chosen,
            [.. earlier.Where(c => c.AddressId != entry.Id).Take(3)],
            [.. previous?.MatchedOn ?? [], $"{actor} 选定 / picked by {actor}"], Used: true);
    }
}
