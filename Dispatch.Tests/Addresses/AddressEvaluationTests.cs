using Dispatch.Console.Addresses;
using Dispatch.Server.Addresses;
using Dispatch.Server.Demo;

namespace Dispatch.Tests.Addresses;

public sealed class AddressEvaluationTests
{
    [Test]
    public void Score_CountsRightBuildingRightCommunityAndWrongButSure_PerKind()
    {
        var (cases, problems) = AddressEvaluation.Parse([
            "# comment",
            "兴隆花园12幢3单元\tYF-C16-B12-U3\t兴隆社区\tplain",
            "兴隆花园12幢3单元801室\tYF-C16-B12-U1\t\troom",    // the unit is wrong but the building is right
            "春晖路88号\tYF-R03-0087\t\tplain",                  // a different house: wrong and sure
            "only one column",
        ]);

        var (figures, unknown) = AddressEvaluation.Score(cases, AddressIndex.Build(DemoAddresses.All()), 0.8);

        Assert.That(problems, Has.Count.EqualTo(1).And.Some.StartsWith("line 5"));
        Assert.That(unknown, Is.Empty);
        var all = figures[0];
        Assert.That((all.Kind, all.Cases), Is.EqualTo(("all", 3)));
        Assert.That(all.RightBuilding, Is.EqualTo(200.0 / 3).Within(0.01));
        Assert.That(all.WrongButSure, Is.EqualTo(100.0 / 3).Within(0.01));
        Assert.That(figures.Skip(1).Select(f => (f.Kind, f.Cases)), Is.EqualTo(new[] { ("plain", 2), ("room", 1) }));
    }

    [Test]
    public void Score_AnIdNotInTheRegister_IsReportedNotCounted()
    {
        var (cases, _) = AddressEvaluation.Parse(["兴隆花园\tNO-SUCH"]);

        var (figures, unknown) = AddressEvaluation.Score(cases, AddressIndex.Build(DemoAddresses.All()), 0.8);

        Assert.That(unknown.Single(), Does.Contain("NO-SUCH"));
        Assert.That(figures[0].Cases, Is.Zero);
    }
}
