using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

/// <summary>Invariants of <c>infra/catalogue/categories.json</c>, the seed of every new database.</summary>
public sealed class CatalogueFileTests
{
    private static readonly IReadOnlyList<Category> Categories = CatalogueSnapshot.LoadEmbedded().All;

    // Used by the demo generator, the tests and alerts already stored: never renamed.
    private static readonly string[] OriginalCodes =
    [
        "theft", "robbery", "assault", "fight", "fraud", "traffic-accident", "traffic-jam", "missing-person", "gathering",
        "fire", "facility-hazard", "noise", "street-vending", "illegal-building", "cooking-fumes", "market-complaint",
        "wage-arrears", "utility-failure", "consultation", "neighbour-dispute", "family-dispute", "consumer-dispute",
        "labour-dispute", "property-dispute",
    ];

    [Test]
    public void Catalogue_HasAtLeastFortyCategoriesWithUniqueCodesAndKeepsTheOriginalCodes()
    {
        Assert.That(Categories, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(Categories.Select(c => c.Code.ToUpperInvariant()), Is.Unique);
        Assert.That(Categories.Select(c => c.Code), Is.SupersetOf(OriginalCodes));
    }

    [Test]
    public void Catalogue_HasEveryKind()
    {
        Assert.That(Categories.Select(c => c.Kind).Distinct(),
            Is.EquivalentTo(new[] { IncidentKind.Police, IncidentKind.NonPolice, IncidentKind.Dispute }));
    }

    [Test]
    public void EveryCategory_PassesTheSameValidationAsAnAdminEdit()
    {
        foreach (var c in Categories)
        {
            var edit = new CategoryEdit(c.Code, c.NameZh, c.NameEn, c.Kind.ToString(), c.Priority, c.Organisation.ToString(),
                new ResponsePolicyEdit(c.Response.RespondMinutes, c.Response.ArriveMinutes, c.Response.ReinforceMinutes),
                c.TaskOrderWorkingDays, c.Keywords.ToDictionary());
            var (_, errors) = CategoryValidator.Validate(c.Code, edit);
            Assert.That(errors, Is.Empty, $"{c.Code}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }
    }

    [Test]
    public void UrgentPoliceCategories_FollowTheOneThreeFiveRule()
    {
        var urgentPolice = Categories.Where(c => c.Kind == IncidentKind.Police && c.Priority == 1).ToList();

        Assert.That(urgentPolice, Is.Not.Empty);
        Assert.That(urgentPolice.Select(c => c.Response), Has.All.EqualTo(new ResponsePolicy(1, 3, 5)));
    }

    [Test]
    public void PoliceAndDisputeCategories_AreHandledByPoliceOrFireOnScene()
    {
        Assert.That(Categories.Where(c => c.Kind == IncidentKind.Police).Select(c => c.Organisation),
            Has.All.AnyOf(OrganisationType.PoliceStation, OrganisationType.FireRescue));
        Assert.That(Categories.Where(c => c.Kind == IncidentKind.NonPolice).Select(c => c.Organisation),
            Has.None.EqualTo(OrganisationType.PoliceStation));
    }

    [Test]
    public void EveryCategory_HasKeywordsAndNoKeywordIsSharedAtTheSameWeightByTooMany()
    {
        Assert.That(Categories, Has.All.Matches<Category>(c => c.Keywords.Count >= 3));
        var shared = Categories.SelectMany(c => c.Keywords.Keys.Select(k => (Keyword: k, c.Code)))
            .GroupBy(x => x.Keyword)
            .Where(g => g.Count() > 3)
            .Select(g => g.Key)
            .ToList();
        Assert.That(shared, Is.Empty, "a keyword in more than three categories only adds noise");
    }

    [Test]
    public void EveryOrganisationType_HasAChineseName()
    {
        Assert.That(Enum.GetValues<OrganisationType>().Select(OrganisationNames.Chinese),
            Has.All.Matches<string>(name => name.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF)));
    }
}
