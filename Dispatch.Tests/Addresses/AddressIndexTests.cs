using Dispatch.Server.Addresses;
using Dispatch.Server.Demo;

namespace Dispatch.Tests.Addresses;

/// <summary>
/// The matcher against the demo register, with many ways of writing each kind of address. These variants tune the
/// matcher; the held-out evaluation set is kept elsewhere and read by <c>dispatch address evaluate</c>.
/// </summary>
public sealed class AddressIndexTests
{
    private const double Threshold = 0.8;
    private static readonly Lazy<AddressIndex> Demo = new(() => AddressIndex.Build(DemoAddresses.All()));

    private static AddressMatchResult Match(string text) => Demo.Value.Match(text);

    // 兴隆花园 (YF-C16) is at 望江路104号 in 兴隆社区; 12幢 has units 1–3.
    [TestCase("兴隆花园12幢3单元")]
    [TestCase("兴隆花园１２幢３单元")]
    [TestCase("兴隆花园十二幢三单元")]
    [TestCase("兴隆花园12栋3单元")]
    [TestCase("兴隆花园12号楼3单元")]
    [TestCase("兴隆花园12座3单元")]
    [TestCase("兴隆花园12幢3门")]
    [TestCase("兴隆花园12-3-801")]
    [TestCase("兴隆花园12幢3单元801室")]
    [TestCase("兴隆花园12幢3单元801")]
    [TestCase("兴隆花园小区12幢3单元")]
    [TestCase("上城区云峰街道兴隆花园12幢3单元")]
    [TestCase("杭州市上城区云峰街道兴隆社区兴隆花园12幢3单元")]
    [TestCase("浙江省杭州市上城区兴隆花园12幢3单元")]
    [TestCase("望江路104号兴隆花园12幢3单元")]
    [TestCase("在兴隆花园12幢3单元门口")]
    [TestCase("兴隆花园12幢3单元附近")]
    [TestCase("兴隆花园12幢3单元楼下")]
    [TestCase("星隆花园12幢3单元")]
    [TestCase("兴龙花园12幢3单元")]
    [TestCase("兴隆花圆12幢3单元")]
    [TestCase("兴隆苑12幢3单元")]
    [TestCase("兴隆12幢3单元")]
    [TestCase("兴隆花园 12 幢 3 单元")]
    [TestCase("兴隆花园12幢3单元8楼")]
    [TestCase("兴隆花园12楼3单元")]
    public void Match_UnitWrittenManyWays_FindsTheUnit(string text)
    {
        var result = Match(text);

        Assert.That(result.Best?.AddressId, Is.EqualTo("YF-C16-B12-U3"), string.Join("; ", result.MatchedOn));
        Assert.That(result.Best!.Score, Is.GreaterThanOrEqualTo(Threshold));
        Assert.That(result.Best.GridCode, Does.StartWith("330102007004"));
    }

    [TestCase("兴隆花园12幢")]
    [TestCase("兴隆花园十二幢")]
    [TestCase("兴隆花园12号楼")]
    [TestCase("兴隆花园12#")]
    [TestCase("望江路104号兴隆花园12幢")]
    [TestCase("兴隆花园12幢对面")]
    [TestCase("兴隆花园12幢1203室")]
    public void Match_Building_FindsTheBuildingNotAUnit(string text)
    {
        var result = Match(text);

        Assert.That(result.Best?.AddressId, Is.EqualTo("YF-C16-B12"), string.Join("; ", result.MatchedOn));
        Assert.That(result.Best!.Score, Is.GreaterThanOrEqualTo(Threshold));
    }

    [TestCase("兴隆花园")]
    [TestCase("兴隆花园小区")]
    [TestCase("在兴隆花园门口")]
    [TestCase("兴隆花园附近")]
    [TestCase("望江路104号")]
    [TestCase("望江路一百零四号")]
    [TestCase("望江路104弄")]
    [TestCase("上城区望江路104号")]
    public void Match_CompoundOrItsGate_FindsTheCompound(string text)
    {
        var result = Match(text);

        Assert.That(result.Best?.AddressId, Is.EqualTo("YF-C16"), string.Join("; ", result.MatchedOn));
        Assert.That(result.Best!.Score, Is.GreaterThanOrEqualTo(Threshold));
    }

    // 春晖路88号 (YF-R03-0088) is a house number in 明月社区.
    [TestCase("春晖路88号")]
    [TestCase("春晖路８８号")]
    [TestCase("春晖路八十八号")]
    [TestCase("春晖路88弄")]
    [TestCase("春晖路88巷")]
    [TestCase("在春晖路88号门口")]
    [TestCase("春晖路88号附近")]
    [TestCase("春晖路88号对面")]
    [TestCase("云峰街道春晖路88号")]
    [TestCase("杭州市上城区云峰街道春晖路88号")]
    [TestCase("春辉路88号")]
    [TestCase("椿晖路88号")]
    [TestCase("春晖街88号")]
    [TestCase("春晖路88号2楼")]
    [TestCase("春晖路88号201室")]
    public void Match_HouseNumber_FindsTheNumber(string text)
    {
        var result = Match(text);

        Assert.That(result.Best?.AddressId, Is.EqualTo("YF-R03-0088"), string.Join("; ", result.MatchedOn));
        Assert.That(result.Best!.Score, Is.GreaterThanOrEqualTo(Threshold));
        Assert.That(result.Best.Community, Is.EqualTo("明月社区"));
    }

    // Compounds with other suffixes, typos and homophones.
    [TestCase("隆兴公寓5幢2单元", "YF-C17-B05-U2")]
    [TestCase("龙兴公寓5幢2单元", "YF-C17-B05-U2")]
    [TestCase("隆兴公寓五栋二单元", "YF-C17-B05-U2")]
    [TestCase("锦绣家园3幢1单元", "YF-C08-B03-U1")]
    [TestCase("锦秀家园3幢1单元", "YF-C08-B03-U1")]
    [TestCase("紫荆花园8号楼", "YF-C09-B08")]
    [TestCase("紫京花园8号楼", "YF-C09-B08")]
    [TestCase("春风小区2幢1单元", "YF-C15-B02-U1")]
    [TestCase("春风2-1", "YF-C15-B02-U1")]
    [TestCase("塘河人家6幢", "YF-C10-B06")]
    [TestCase("唐河人家6幢", "YF-C10-B06")]
    [TestCase("和乐苑1幢2单元", "YF-C37-B01-U2")]
    [TestCase("景秀公寓七幢", "YF-C38-B07")]
    [TestCase("井秀公寓七幢", "YF-C38-B07")]
    [TestCase("翠竹小区4幢", "YF-C03-B04")]
    [TestCase("翠竹4幢", "YF-C03-B04")]
    [TestCase("海棠小区3单元2幢", "YF-C35-B02-U3")]
    public void Match_CompoundVariants_FindTheEntry(string text, string expected)
    {
        var result = Match(text);

        Assert.That(result.Best?.AddressId, Is.EqualTo(expected), string.Join("; ", result.MatchedOn));
        Assert.That(result.Best!.Score, Is.GreaterThanOrEqualTo(Threshold));
    }

    [Test]
    public void Match_BuildingTheRegisterLacks_FallsBackToTheCompoundBelowTheThreshold()
    {
        var result = Match("兴隆花园99幢");

        Assert.That(result.Best?.AddressId, Is.EqualTo("YF-C16"));
        Assert.That(result.Best!.Score, Is.LessThan(Threshold));
        Assert.That(result.MatchedOn, Has.Some.Contains("99幢 不在地址库中"));
    }

    [Test]
    public void Match_NumberTheRoadLacks_OffersNearNumbersBelowTheThreshold()
    {
        var result = Match("春晖路9999号");

        Assert.That(result.Best, Is.Not.Null);
        Assert.That(result.Best!.Score, Is.LessThan(Threshold));
        Assert.That(result.Alternatives, Is.Not.Empty);
    }

    [Test]
    public void Match_CommunityAndBuildingOnly_IsUnsureWhenSeveralCompoundsHaveThatBuilding()
    {
        var result = Match("兴隆社区12幢3单元");

        Assert.That(result.Best, Is.Not.Null);
        Assert.That(result.Best!.Community, Is.EqualTo("兴隆社区"));
        Assert.That(result.Best.Score, Is.LessThan(Threshold));
        Assert.That(result.Alternatives.Select(a => a.Community), Has.All.EqualTo("兴隆社区"));
    }

    [TestCase("")]
    [TestCase("杭州市")]
    [TestCase("上城区云峰街道")]
    [TestCase("北京市朝阳区建国路88号")]
    [TestCase("不知道在哪里")]
    public void Match_NothingOfTheRegister_IsNotPlacedAboveTheThreshold(string text)
    {
        var result = Match(text);

        Assert.That(result.Best is null || result.Best.Score < Threshold, Is.True, result.Best?.Address);
    }

    [Test]
    public void Match_TwoThousandCharacters_AnswersWithoutFailing()
    {
        var result = Match(string.Concat(Enumerable.Repeat("兴隆花园12幢3单元", 200)));

        Assert.That(result.Normalised, Has.Length.LessThanOrEqualTo(AddressText.MaxLength));
    }

    [Test]
    public void Match_Alternatives_AreAtMostThreeAndDifferFromTheBest()
    {
        var result = Match("兴隆花园12幢");

        Assert.That(result.Alternatives, Has.Count.LessThanOrEqualTo(3));
        Assert.That(result.Alternatives.Select(a => a.AddressId), Does.Not.Contain(result.Best!.AddressId));
    }

    [Test]
    public void Match_SaysWhatItMatchedOn()
    {
        var result = Match("星隆花园12幢3单元");

        Assert.That(result.MatchedOn, Has.Some.StartsWith("小区 兴隆花园").And.Some.Contains("同音"));
        Assert.That(result.MatchedOn, Has.Member("幢 12").And.Member("单元 3"));
    }

    [Test]
    public void Search_PartOfAnAddress_ListsTheEntriesShortestFirst()
    {
        var found = Demo.Value.Search("兴隆花园12幢", 10);

        Assert.That(found.Select(f => f.Id), Is.EqualTo(new[] { "YF-C16-B12", "YF-C16-B12-U1", "YF-C16-B12-U2", "YF-C16-B12-U3" }));
    }

    [Test]
    public void Build_DemoRegister_HoldsAFewThousandEntriesInsideTheDemoGrids()
    {
        var all = DemoAddresses.All();

        Assert.That(all, Has.Count.InRange(3000, 6000));
        Assert.That(all.Select(a => a.GridCode), Has.All.StartWith("330102007"));
        Assert.That(all.Select(a => a.Id).Distinct().Count(), Is.EqualTo(all.Count));
    }
}
