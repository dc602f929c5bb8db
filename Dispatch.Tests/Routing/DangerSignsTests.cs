using Dispatch.Contracts;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class DangerSignsTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    [TestCase("有人掉河里了在呼救", "落水")]
    [TestCase("桥上一个人说活不下去了", "轻生")]
    [TestCase("路边有位老人晕倒了叫不醒", "昏迷倒地")]
    [TestCase("他拿着刀在楼道里转", "持械")]
    [TestCase("厨房里有股很重的煤气味", "燃气泄漏")]
    [TestCase("我家孩子不见了，在公园", "儿童走失")]
    [TestCase("救命", "呼救")]
    [TestCase("老头躺在地上一动不动，喊他也没反应", "昏迷倒地")]
    [TestCase("我爸突然胸口疼得厉害，喘不上气", "急症")]
    [TestCase("他喝多了说要杀了你们全家", "生命威胁")]
    [TestCase("3号楼可燃气体探测器报警，浓度25%LEL", "燃气泄漏")]
    [TestCase("电动车在楼道里冒烟了", "火情")]
    [TestCase("Help! There is a fire on the 3rd floor", "火情")]
    [TestCase("GAS-ALM dev=A-17 level=high", "燃气泄漏")]
    [TestCase("you ren luo shui le", "落水")]
    [TestCase("my friend is unconscious", "昏迷倒地")]
    [TestCase("heart attack, need an ambulance", "急症")]
    [TestCase("you ren diao jin he li le, kuai lai", "落水")]
    [TestCase("ta zhan zai lou ding shang bu xia lai", "轻生")]
    [TestCase("ta shuo ta bu xiang huo le", "轻生")]
    [TestCase("youren diaojinhe le", "落水")]
    [TestCase("我爸嘴歪了，叫他只会哼哼", "急症")]
    [TestCase("她突然说不出话，半边身子动不了", "急症")]
    [TestCase("我妈说话不清楚了，右手抬不起来", "急症")]
    [TestCase("有个人在水库里扑腾，水里扑腾了几下", "落水")]
    [TestCase("ta zai shui li pu teng", "落水")]
    [TestCase("他突然打电话给我交代后事", "轻生")]
    [TestCase("The old man at the bus stop is not moving", "昏迷倒地")]
    [TestCase("she won't wake up and her lips are blue", "昏迷倒地")]
    [TestCase("my brother went under near the pier", "落水")]
    [TestCase("he took sleeping pills", "轻生")]
    [TestCase("a man with a crossbow outside the mall", "持械")]
    [TestCase("a worker is pinned under a steel beam", "被困")]
    [TestCase("wo ye ye shuai le yi jiao, zhan bu qi lai", "昏迷倒地")]
    [TestCase("路口那个骑车的人不动了", "昏迷倒地")]
    [TestCase("车掉进水塘了正在往下沉", "落水")]
    [TestCase("ta ba ta qi zi an zai di shang", "暴力殴打")]
    [TestCase("路边电线掉下来了还在冒火星", "触电危险")]
    [TestCase("楼上独居的奶奶好几天没出门了", "多日无应答")]
    [TestCase("my grandmother is wheezing and can't get air", "急症")]
    [TestCase("my daughter wandered off in the mall", "儿童走失")]
    [TestCase("he went fishing and never came back", "人员失联")]
    [TestCase("a man is sitting on the windowsill of the 9th floor", "坠落")]
    [TestCase("骑电动车的被甩出去好远，地上一滩血", "受伤流血")]
    [TestCase("ta de tou po le", "受伤流血")]
    [TestCase("you ge xiao hai diao he li le", "落水")]
    [TestCase("lao ren bei shui chong dao qiao xia", "落水")]
    [TestCase("楼道里全是黑烟，我们下不去", "火情")]
    [TestCase("qiu qiu ni men kuai dian lai", "呼救")]
    [TestCase("a boy fell into the river by the old mill", "落水")]
    [TestCase("my neighbour is hitting her again, I hear her crying", "暴力殴打")]
    [TestCase("he says he is hearing voices and wants to jump", "精神危机")]
    [TestCase("a woman is climbing over the railing of the bridge", "坠落")]
    [TestCase("after the bee sting his face is swelling", "急症")]
    [TestCase("a lorry swerving between lanes on the expressway", "危险驾驶")]
    [TestCase("the lift is stuck between floors with my mother in it", "被困")]
    public void Find_WhenLifeIsInDanger_NamesTheSign(string text, string sign)
    {
        Assert.That(DangerSigns.Find(text).Select(s => s.Zh), Does.Contain(sign));
    }

    [TestCase("两车追尾，现场没有人流血")]
    [TestCase("不是着火，是楼下烧烤的烟")]
    [TestCase("被老板气炸了，工资三个月没发")]
    [TestCase("楼上装修太吵")]
    [TestCase("工资被压了三个月，老板一直拖着")]
    [TestCase("他说打死也不还钱")]
    [TestCase("There is no fire, only steam from the kitchen")]
    [TestCase("the street light is broken")]
    [TestCase("the guard at the gate is not armed, we just need a backup key")]
    [TestCase("wo kan le yi xia, ta dao di zai na li")]
    [TestCase("ni kan dao le ma, wo hui dao jia le")]
    [TestCase("车子打不着火，不动了")]
    [TestCase("the lift stopped again, nobody inside")]
    [TestCase("he is not lying on the ground any more, he walked home")]
    [TestCase("we fell in love with this street, please keep the trees")]
    [TestCase("he jumped in his car and drove off without paying")]
    [TestCase("天上全是乌云，看着要下雨")]
    public void Find_WhenNothingEndangersLife_FindsNothing(string text)
    {
        Assert.That(DangerSigns.Find(text), Is.Empty);
    }

    [Test]
    public void EverySign_CanBeMatchedInPinyin()
    {
        Assert.That(DangerSigns.SignsWithoutPinyin(), Is.Empty, "add the readings of these signs' characters to DangerSigns.Pinyin.cs");
    }

    [Test]
    public void Safe_WhenNonPoliceWorkCarriesADangerSign_MakesItUrgentTriage()
    {
        var fumes = Catalogue.Find("cooking-fumes")!;
        var guess = new ClassificationResult(fumes, fumes.Kind, 0.8, false, [new Candidate(fumes.Code, fumes.NameZh, fumes.Kind, 0.8)], ["model said fumes"]);

        var safe = CategoryClassifier.Safe(guess, "饭店后厨冒浓烟，里面好像有人出不来");

        Assert.That(safe.NeedsTriage, Is.True);
        Assert.That(safe.Urgent, Is.True);
        Assert.That(safe.Priority, Is.EqualTo(1));
        Assert.That(safe.Category, Is.Null);
        Assert.That(safe.Candidates, Is.EqualTo(guess.Candidates), "the operator still sees what the model thought");
        Assert.That(safe.Reasons[^1], Does.Contain("urgent triage"));
    }

    [Test]
    public void Safe_WhenPlainTriageCarriesADangerSign_MakesItUrgent()
    {
        var unsure = new ClassificationResult(null, IncidentKind.Unknown, 0.1, true, [], ["unsure"]);

        Assert.That(CategoryClassifier.Safe(unsure, "快来人啊").Urgent, Is.True);
        Assert.That(CategoryClassifier.Safe(unsure, "有人找").Urgent, Is.False);
    }

    [Test]
    public void Safe_WhenItIsAlreadyPoliceWork_LeavesItAlone()
    {
        var armed = Catalogue.Find("armed-person")!;
        var result = new ClassificationResult(armed, armed.Kind, 0.9, false, [], ["armed"]);

        Assert.That(CategoryClassifier.Safe(result, "他拿着刀"), Is.SameAs(result));
    }
}

public sealed class ModelDangerRuleTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    [TestCase(0.45, true)]
    [TestCase(0.30, true)]
    [TestCase(0.29, false)]
    public void Safe_WhenTheModelsProbabilityOfDangerToLifeReachesTheLimit_MakesItUrgent(double mass, bool urgent)
    {
        var family = Catalogue.Find("family-dispute")!;
        var guess = new ClassificationResult(family, family.Kind, 0.5, false, [], ["model said family dispute"]);

        var safe = CategoryClassifier.Safe(guess, "他又喝多了在家里闹，老婆孩子躲在卧室", mass, dangerThreshold: 0.30);

        Assert.That(safe.Urgent, Is.EqualTo(urgent));
        if (urgent)
        {
            Assert.That(safe.Reasons[^1], Does.Contain("the model puts danger to life at"));
        }
    }
}
