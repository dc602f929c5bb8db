using Dispatch.Contracts;

namespace Dispatch.Server.Organisations;

/// <summary>Who answers for an incident and why, in words an operator can check against the map.</summary>
/// <param name="Organisation">The responsible organisation.</param>
/// <param name="Level">The layer of the area that decided it.</param>
/// <param name="Area">The area it serves that holds the incident.</param>
/// <param name="Reason">E.g. <c>云峰派出所 serves precinct PS-YUNFENG (云峰派出所) / 辖区派出所</c>.</param>
public sealed record ResponsibleOrganisation(OrganisationSummary Organisation, AreaLevel Level, AreaRef Area, string Reason);

/// <summary>
/// The responsibility rule, pure: police work goes to the station serving the incident's precinct; every other
/// type to the organisation of that type serving the most specific area holding the incident (grid, then
/// community, then street, then district). Several serving the same area: the lowest code (ordinal), so every
/// node decides alike. Nobody: null, and the caller sends the incident to triage with <see cref="NoneReason"/>.
/// </summary>
public static class Responsibility
{
    private static readonly AreaLevel[] LocalityOrder = [AreaLevel.Grid, AreaLevel.Community, AreaLevel.Street, AreaLevel.District];

    public static ResponsibleOrganisation? For(OrganisationType type, Jurisdiction where, OrganisationSnapshot orgs)
    {
        foreach (var (level, area) in Areas(type, where))
        {
            var serving = orgs.Serving(type, area.Code);
            if (serving.Count > 0)
            {
                var organisation = serving[0];
                return new ResponsibleOrganisation(organisation, level, area, Reason(organisation, level, area));
            }
        }

        return null;
    }

    /// <summary>Why <see cref="For"/> found nobody: "no &lt;type&gt; serves &lt;area&gt;", naming the most specific area.</summary>
    public static string NoneReason(OrganisationType type, Jurisdiction where)
    {
        var who = $"{type} ({OrganisationNames.Chinese(type)})";
        var first = Areas(type, where).Select(x => ((AreaLevel, AreaRef)?)x).FirstOrDefault();
        if (first is not { } found)
        {
            var layer = type == OrganisationType.PoliceStation ? "no police precinct / 不在任何派出所辖区内" : "no imported area / 不在任何辖区内";
            return $"no {who} serves this location: it lies in {layer}";
        }

        var (level, area) = found;
        return $"no {who} serves {Describe(level, area)} / {area.Name}无{OrganisationNames.Chinese(type)}负责";
    }

    private static IEnumerable<(AreaLevel Level, AreaRef Area)> Areas(OrganisationType type, Jurisdiction where)
    {
        if (type == OrganisationType.PoliceStation)
        {
            if (where.Precinct is { } precinct)
            {
                yield return (AreaLevel.Precinct, precinct);
            }

            yield break;
        }

        foreach (var level in LocalityOrder)
        {
            if (AreaOf(where, level) is { } area)
            {
                yield return (level, area);
            }
        }
    }

    private static AreaRef? AreaOf(Jurisdiction where, AreaLevel level) => level switch
    {
        AreaLevel.Grid => where.Grid,
        AreaLevel.Community => where.Community,
        AreaLevel.Street => where.Street,
        AreaLevel.District => where.District,
        _ => where.Precinct,
    };

    private static string Reason(OrganisationSummary organisation, AreaLevel level, AreaRef area)
    {
        var zh = organisation.Type == OrganisationType.PoliceStation
            ? "辖区派出所"
            : $"属地{OrganisationNames.Chinese(organisation.Type)}（{LevelChinese(level)}）";
        return $"{organisation.Name} serves {Describe(level, area)} / {zh}";
    }

    private static string Describe(AreaLevel level, AreaRef area) =>
        $"{level.ToString().ToLowerInvariant()} {area.Code} ({area.Name})";

    private static string LevelChinese(AreaLevel level) => level switch
    {
        AreaLevel.Grid => "网格",
        AreaLevel.Community => "社区",
        AreaLevel.Street => "街道",
        AreaLevel.District => "区",
        _ => "派出所辖区",
    };
}
