using Dispatch.Contracts;
using Dispatch.Server.Demo;
using Dispatch.Server.Geo;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Demo;

/// <summary>The demo organisations against the demo geography, units and category catalogue.</summary>
public sealed class DemoOrganisationsTests
{
    private static readonly IReadOnlyList<OrganisationSummary> Organisations = DemoOrganisations.Load();
    private static readonly IReadOnlyList<AreaCandidate> Areas = DemoGeography.All().ToList();

    [Test]
    public void EveryUnit_BelongsToADemoOrganisation()
    {
        var codes = Organisations.Select(o => o.Code).ToHashSet();

        var orphans = DemoUnits.Load(DateTimeOffset.UnixEpoch).Where(u => !codes.Contains(u.Organisation)).Select(u => $"{u.Code} → {u.Organisation}");

        Assert.That(orphans, Is.Empty);
    }

    [Test]
    public void Organisations_HaveUniqueCodesValidFieldsAndServeOnlyDemoAreas()
    {
        var areaCodes = Areas.Select(a => a.Code).ToHashSet();

        Assert.That(Organisations.Select(o => o.Code), Is.Unique);
        foreach (var organisation in Organisations)
        {
            var edit = new OrganisationEdit(organisation.Code, organisation.Name, organisation.Type.ToString(), [.. organisation.AreaCodes]);
            var (valid, errors) = OrganisationValidator.Validate(organisation.Code, edit);
            Assert.That(valid, Is.EqualTo(organisation).Using<OrganisationSummary>((a, b) => a.Code == b.Code && a.AreaCodes.SequenceEqual(b.AreaCodes)),
                $"{organisation.Code}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            Assert.That(organisation.AreaCodes, Is.SubsetOf(areaCodes), organisation.Code);
        }
    }

    [Test]
    public void EveryOrganisationType_HasADemoOrganisation_AndEveryCommunityItsCommittee()
    {
        Assert.That(Organisations.Select(o => o.Type).Distinct(), Is.EquivalentTo(Enum.GetValues<OrganisationType>()));
        var committees = Organisations.Where(o => o.Type == OrganisationType.Community).ToList();
        foreach (var community in Areas.Where(a => a.Level == AreaLevel.Community))
        {
            Assert.That(committees.Where(c => c.AreaCodes.Contains(community.Code)).Select(c => c.Name),
                Is.EqualTo(new[] { community.Name + "居民委员会" }), community.Code);
        }
    }

    [Test]
    public void EveryCategory_AtAPointInsideEachCommunity_HasAResponsibleOrganisation()
    {
        var index = JurisdictionSnapshot.Build(Areas.Select(a => new PreparedArea(a.Level, a.Code, a.Name, a.Geometry)));
        var orgs = new OrganisationSnapshot(Organisations);
        var categories = CatalogueSnapshot.LoadEmbedded().All;
        var communities = Areas.Where(a => a.Level == AreaLevel.Community).ToList();
        Assert.That(communities, Has.Count.EqualTo(8));

        var missing = new List<string>();
        foreach (var community in communities)
        {
            var point = community.Geometry.InteriorPoint;
            var where = index.Locate(point.X, point.Y);
            Assert.That((where.Community?.Code, where.Street?.Code), Is.EqualTo((community.Code, "330102007")));
            Assert.That(where.Grid is not null && where.Precinct is not null, Is.True, community.Code);
            foreach (var category in categories)
            {
                var found = Responsibility.For(category.Organisation, where, orgs);
                if (found is null)
                {
                    missing.Add($"{category.Code} in {community.Name}: {Responsibility.NoneReason(category.Organisation, where)}");
                }
                else if (category.Organisation == OrganisationType.PoliceStation)
                {
                    Assert.That(found.Organisation.Code, Is.EqualTo(where.Precinct!.Code), category.Code);
                }
                else if (category.Organisation == OrganisationType.Community)
                {
                    Assert.That(found.Area.Code, Is.EqualTo(community.Code), "community work goes to the community's own committee");
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }
}
