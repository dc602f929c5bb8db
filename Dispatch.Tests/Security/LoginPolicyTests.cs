using Dispatch.Server.Security;

namespace Dispatch.Tests.Security;

public sealed class LoginPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private static UserAccount User(bool disabled = false) => new("operator", "值班", Roles.Operator, "330102007", "hash", disabled, Now, Now);

    private static ThrottleState Free(string key) => new(key, 0, null);

    [Test]
    public void Decide_WhenThePasswordIsRight_Succeeds() =>
        Assert.That(LoginPolicy.Decide(User(), true).Outcome, Is.EqualTo(LoginOutcome.Success));

    [Test]
    public void Decide_WhenWrongDisabledOrUnknown_SaysOnlyInvalid()
    {
        Assert.That(LoginPolicy.Decide(User(), false).Outcome, Is.EqualTo(LoginOutcome.Invalid));
        Assert.That(LoginPolicy.Decide(User(disabled: true), true).Outcome, Is.EqualTo(LoginOutcome.Invalid));
        Assert.That(LoginPolicy.Decide(null, true).Outcome, Is.EqualTo(LoginOutcome.Invalid));
    }

    [Test]
    public void Throttle_WaitsForTheLaterOfAccountAndAddress()
    {
        var account = new ThrottleState("user:operator", 6, Now.AddSeconds(2));
        var address = new ThrottleState("addr:10.0.0.1", 21, Now.AddSeconds(8));

        Assert.That(LoginPolicy.Throttle(Free("user:operator"), Free("addr:10.0.0.1"), Now), Is.Null);
        Assert.That(LoginPolicy.Throttle(account, Free("addr:10.0.0.1"), Now)!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(LoginPolicy.Throttle(account, address, Now)!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(LoginPolicy.Throttle(account, address, Now.AddSeconds(8)), Is.Null, "a wait that has passed");
    }

    [TestCase(4, 0)]
    [TestCase(5, 1)]
    [TestCase(6, 2)]
    [TestCase(8, 8)]
    [TestCase(11, 60)]
    [TestCase(500, 60)]
    public void DelayAfter_IsFreeAtFirstThenDoublesUpToTheAccountCap(int failures, int seconds) =>
        Assert.That(SignInThrottleRules.DelayAfter(failures, SignInThrottleRules.FreeAccountFailures, SignInThrottleRules.AccountCap),
            Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("ab", Roles.Operator, "330102007", "long-enough", null)]
    [TestCase("A", Roles.Operator, "330102007", "long-enough", "userName")]
    [TestCase("op", "Chief", "330102007", "long-enough", "role")]
    [TestCase("op", Roles.Responder, null, "long-enough", "scope")]
    [TestCase("op", Roles.Admin, null, "short", "password")]
    public void Validate_NamesTheBadField(string userName, string role, string? scope, string password, string? field)
    {
        var errors = AccountService.Validate(userName, role, scope, password);

        Assert.That(errors.Keys, field is null ? Is.Empty : Is.EqualTo(new[] { field }));
    }
}
