using Dispatch.Server.Clock;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class CategoryValidatorTests
{
    private static CategoryEdit Valid() => new(
        null, "噪音扰民", "Noise nuisance", "NonPolice", 3, "UrbanManagement",
        new ResponsePolicyEdit(5, 20, null), 5, new Dictionary<string, double> { ["噪音"] = 3, ["太吵"] = 2 });

    [Test]
    public void Validate_WhenEverythingIsRight_GivesTheCategoryWithALowerCaseCode()
    {
        var (category, errors) = CategoryValidator.Validate("Noise", Valid());

        Assert.That(errors, Is.Empty);
        Assert.That(category!.Code, Is.EqualTo("noise"));
        Assert.That(category.Response, Is.EqualTo(new ResponsePolicy(5, 20, null)));
    }

    private static IEnumerable<TestCaseData> InvalidEdits()
    {
        yield return new TestCaseData("noise", Valid() with { NameZh = " " }, "nameZh").SetName("Validate_WhenNameZhIsEmpty_NamesNameZh");
        yield return new TestCaseData("noise", Valid() with { NameEn = null }, "nameEn").SetName("Validate_WhenNameEnIsMissing_NamesNameEn");
        yield return new TestCaseData("noise", Valid() with { Kind = "Unknown" }, "kind").SetName("Validate_WhenKindIsUnknown_NamesKind");
        yield return new TestCaseData("noise", Valid() with { Kind = "2" }, "kind").SetName("Validate_WhenKindIsANumber_NamesKind");
        yield return new TestCaseData("noise", Valid() with { Priority = 0 }, "priority").SetName("Validate_WhenPriorityIsZero_NamesPriority");
        yield return new TestCaseData("noise", Valid() with { Priority = 5 }, "priority").SetName("Validate_WhenPriorityIsFive_NamesPriority");
        yield return new TestCaseData("noise", Valid() with { Organisation = "城管" }, "organisation").SetName("Validate_WhenOrganisationIsNotAMemberName_NamesOrganisation");
        yield return new TestCaseData("noise", Valid() with { Response = null }, "response").SetName("Validate_WhenResponseIsMissing_NamesResponse");
        yield return new TestCaseData("noise", Valid() with { Response = new(0, 3, 5) }, "response.respondMinutes").SetName("Validate_WhenRespondIsZero_NamesRespondMinutes");
        yield return new TestCaseData("noise", Valid() with { Response = new(5, 3, null) }, "response.arriveMinutes").SetName("Validate_WhenArriveIsBeforeRespond_NamesArriveMinutes");
        yield return new TestCaseData("noise", Valid() with { Response = new(1, 5, 3) }, "response.reinforceMinutes").SetName("Validate_WhenReinforceIsBeforeArrive_NamesReinforceMinutes");
        yield return new TestCaseData("noise", Valid() with { Response = new(1, 3, -1) }, "response.reinforceMinutes").SetName("Validate_WhenReinforceIsNegative_NamesReinforceMinutes");
        yield return new TestCaseData("noise", Valid() with { TaskOrderWorkingDays = 0 }, "taskOrderWorkingDays").SetName("Validate_WhenWorkingDaysIsZero_NamesWorkingDays");
        yield return new TestCaseData("noise", Valid() with { TaskOrderWorkingDays = 31 }, "taskOrderWorkingDays").SetName("Validate_WhenWorkingDaysIsOverThirty_NamesWorkingDays");
        yield return new TestCaseData("noise", Valid() with { Keywords = [] }, "keywords").SetName("Validate_WhenThereAreNoKeywords_NamesKeywords");
        yield return new TestCaseData("noise", Valid() with { Keywords = new() { ["噪音"] = 0 } }, "keywords").SetName("Validate_WhenAWeightIsZero_NamesKeywords");
        yield return new TestCaseData("noise", Valid() with { Keywords = new() { ["噪音"] = double.PositiveInfinity } }, "keywords").SetName("Validate_WhenAWeightIsInfinite_NamesKeywords");
        yield return new TestCaseData("noise", Valid() with { Keywords = new() { ["噪音"] = 1, [" 噪 音 "] = 2 } }, "keywords").SetName("Validate_WhenTwoKeywordsAreTheSame_NamesKeywords");
        yield return new TestCaseData("noise", Valid() with { Keywords = Enumerable.Range(0, CategoryValidator.MaxKeywords + 1).ToDictionary(i => $"词{i}", _ => 1.0) }, "keywords").SetName("Validate_WhenThereAreTooManyKeywords_NamesKeywords");
        yield return new TestCaseData("noise", Valid() with { Keywords = new() { [new string('吵', 21)] = 1 } }, "keywords").SetName("Validate_WhenAKeywordIsTooLong_NamesKeywords");
        yield return new TestCaseData("bad code!", Valid(), "code").SetName("Validate_WhenTheCodeHasSpaces_NamesCode");
        yield return new TestCaseData("noise", Valid() with { Code = "fire" }, "code").SetName("Validate_WhenTheBodyCodeDiffers_NamesCode");
    }

    [TestCaseSource(nameof(InvalidEdits))]
    public void Validate_WhenAFieldIsWrong_NamesThatFieldOnly(string code, CategoryEdit edit, string field)
    {
        var (category, errors) = CategoryValidator.Validate(code, edit);

        Assert.That(category, Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { field }));
        Assert.That(errors[field], Has.All.Not.Empty);
    }

    [Test]
    public void Validate_WhenSeveralFieldsAreWrong_NamesEachOfThem()
    {
        var (_, errors) = CategoryValidator.Validate("noise", Valid() with { Kind = "x", Priority = 9, TaskOrderWorkingDays = 0 });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "kind", "priority", "taskOrderWorkingDays" }));
    }
}
