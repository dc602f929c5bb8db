using Dispatch.Contracts;
using Dispatch.Server.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using Dispatch.Server.Organisations;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Where units lie, for <see cref="Visibility"/>: a unit belongs to its organisation, which serves areas, so it lies in
/// those and every area overlapping them (a street's operator sees the street's and its communities' units, a
/// district's supervisor all of the district's).
/// </summary>
public sealed class UnitScope(JurisdictionIndex areas, OrganisationDirectory organisations)
{
    /// <summary>The area codes an organisation's units answer for: its served areas and every area overlapping them.</summary>
    public IReadOnlySet<string> AreasOf(string organisationCode) =>
        organisations.Current.Find(organisationCode) is { } organisation
            ? areas.Current.Reach(organisation.AreaCodes)
            : new HashSet<string>();

    public RecordPlace PlaceOf(UnitSummary unit) => RecordPlace.OfUnit(unit.Code, unit.Organisation, AreasOf(unit.Organisation));

    public bool CanSee(AccessScope scope, UnitSummary unit) => Visibility.CanSee(scope, RecordKind.Unit, PlaceOf(unit));

    /// <summary>The condition on <c>units</c> rows the user may see: units carry no areas, so their organisations stand in.</summary>
    public VisibilityFilter Filter(AccessScope scope, SqlDialect dialect) =>
        Visibility.Filter(scope, RecordKind.Unit, VisibilityColumns.Units, dialect,
            [.. organisations.Current.All.Where(o => AreasOf(o.Code).Overlaps(scope.Codes)).Select(o => o.Code)]);

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
