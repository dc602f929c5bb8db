using Dispatch.Contracts;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class IncidentClassifierTests
{
    private static readonly CategoryCatalogue Catalogue = CategoryCatalogue.LoadEmbedded();

    [TestCase("theft", IncidentKind.Police)]
    [TestCase("traffic-accident", IncidentKind.Police)]
    [TestCase("noise", IncidentKind.NonPolice)]
    [TestCase("wage-arrears", IncidentKind.NonPolice)]
    [TestCase("neighbour-dispute", IncidentKind.Dispute)]
    [TestCase("FAMILY-DISPUTE", IncidentKind.Dispute)]
    public void Classify_WhenTheCategoryIsKnown_OpensWithItsKind(string code, IncidentKind kind)
    {
        var result = IncidentClassifier.Classify(code, Catalogue);

        Assert.That(result.Kind, Is.EqualTo(kind));
        Assert.That(result.Status, Is.EqualTo(IncidentStatus.Open));
        Assert.That(result.Category!.NameZh, Is.Not.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("other")]
    [TestCase("no-such-category")]
    public void Classify_WhenTheCategoryIsMissingOrUnknown_SendsToTriageWithAReason(string? code)
    {
        var result = IncidentClassifier.Classify(code, Catalogue);

        Assert.That(result.Kind, Is.EqualTo(IncidentKind.Unknown));
        Assert.That(result.Status, Is.EqualTo(IncidentStatus.NeedsTriage));
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Catalogue_HasEveryKindAndUniqueCodes()
    {
        Assert.That(Catalogue.All.Select(c => c.Kind).Distinct(),
            Is.EquivalentTo(new[] { IncidentKind.Police, IncidentKind.NonPolice, IncidentKind.Dispute }));
        Assert.That(Catalogue.All.Select(c => c.Code.ToUpperInvariant()), Is.Unique);
        Assert.That(Catalogue.All.Select(c => c.Priority), Is.All.InRange(1, 4));
    }
}
