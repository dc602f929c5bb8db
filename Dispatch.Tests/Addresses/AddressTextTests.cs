using Dispatch.Server.Addresses;

namespace Dispatch.Tests.Addresses;

public sealed class AddressTextTests
{
    [TestCase("兴隆花园１２幢３单元", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园十二幢三单元", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园十二栋", "兴隆花园12幢")]
    [TestCase("兴隆花园12号楼", "兴隆花园12幢")]
    [TestCase("兴隆花园12座", "兴隆花园12幢")]
    [TestCase("兴隆花园12#楼", "兴隆花园12幢")]
    [TestCase("兴隆花园12-3-801", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园12-3", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园12幢801", "兴隆花园12幢")]
    [TestCase("兴隆花园12幢1502室", "兴隆花园12幢")]
    [TestCase("兴隆花园12幢3门", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园12幢3单元801室", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园12幢3单元八零一", "兴隆花园12幢3单元")]
    [TestCase("兴隆花园小区12幢", "兴隆花园12幢")]
    [TestCase("望江路104弄", "望江路104号")]
    [TestCase("望江路104巷", "望江路104号")]
    [TestCase("望江路一百零四号", "望江路104号")]
    [TestCase("在望江路104号门口", "望江路104号")]
    [TestCase("望江路104号附近", "望江路104号")]
    [TestCase("望江路104号对面", "望江路104号")]
    [TestCase("浙江省杭州市望江路 104 号", "望江路104号")]
    [TestCase("兴隆花园Ｂ座", "兴隆花园B幢")]
    [TestCase("兴隆花园a座", "兴隆花园A幢")]
    [TestCase("兴隆花园12幢8楼", "兴隆花园12幢")]
    [TestCase("望江路口", "望江路")]
    public void Normalise_WritingVariants_MeetInOneForm(string text, string expected) =>
        Assert.That(AddressText.Normalise(text), Is.EqualTo(expected));

    [TestCase("十", "10")]
    [TestCase("十二", "12")]
    [TestCase("二十", "20")]
    [TestCase("二十三", "23")]
    [TestCase("一百零三", "103")]
    [TestCase("三百二十", "320")]
    [TestCase("八零一", "801")]
    [TestCase("两", "2")]
    public void ConvertNumeral_ChineseNumerals_AreArabic(string run, string expected) =>
        Assert.That(AddressText.ConvertNumeral(run), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("，。！")]
    public void Normalise_NothingToRead_IsEmpty(string? text) => Assert.That(AddressText.Normalise(text), Is.Empty);

    [Test]
    public void Normalise_VeryLongText_IsCut() =>
        Assert.That(AddressText.Normalise(new string('兴', 2000)), Has.Length.EqualTo(AddressText.MaxLength));
}
