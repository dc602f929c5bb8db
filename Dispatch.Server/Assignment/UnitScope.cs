using Dispatch.Contracts;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Which units a user may see and sign on or off, by the same areas as their incidents: a unit belongs to its
/// organisation, which serves areas; an operator or supervisor sees the units of organisations whose served areas
/// meet their own (a street's operator sees the street's and its communities' units, a district's supervisor all of
/// the district's). Admins see all; other roles none through these routes.
/// </summary>
public sealed class UnitScope(JurisdictionIndex areas, OrganisationDirectory organisations)
{
    /// <summary>The area codes an organisation's units answer for: its served areas and every area overlapping them.</summary>
    public IReadOnlySet<string> AreasOf(string organisationCode) =>
        organisations.Current.Find(organisationCode) is { } organisation
            ? areas.Current.Reach(organisation.AreaCodes)
            : new HashSet<string>();

    public bool CanSee(AccessScope scope, string organisationCode) =>
        scope.All || (scope.Role is Roles.Operator or Roles.Supervisor && AreasOf(organisationCode).Overlaps(scope.Codes));

    /// <summary>
    /// How far in metres a point lies outside the areas an organisation serves (0 inside or on the edge); null when
    /// none of them is loaded, so nothing can be judged (a new deployment before its areas are imported).
    /// </summary>
    public double? MetresOutside(string organisationCode, GeoPoint point)
    {
        if (organisations.Current.Find(organisationCode) is not { } organisation)
        {
            return null;
        }

        var served = organisation.AreaCodes.SelectMany(areas.Current.AreasWithCode).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var at = new Point(point.Lon, point.Lat);
        if (served.Any(a => a.Prepared.Covers(at)))
        {
            return 0;
        }

        // The nearest point in degrees is near enough the nearest in metres for a margin of a few kilometres.
        return served.Min(a =>
        {
            var nearest = DistanceOp.NearestPoints(a.Geometry, at)[0];
            return GreatCircle.DistanceMetres(nearest.X, nearest.Y, point.Lon, point.Lat);
        });
    }
}
