using Dispatch.Server.Security;

namespace Dispatch.Tests.Security;

public sealed class LoginPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly SecurityOptions Options = new() { MaxFailedLogins = 3, LockoutMinutes = 15 };

    private static UserAccount User(int failed = 0, DateTimeOffset? lockedUntil = null, bool disabled = false) =>
        new("operator", "值班", Roles.Operator, "330102007", "hash", disabled, failed, lockedUntil, Now, Now);

    [Test]
    public void Decide_WhenThePasswordIsRight_SucceedsAndClearsFailures() =>
        Assert.That(LoginPolicy.Decide(User(failed: 2), true, Now, Options), Is.EqualTo(new LoginDecision(LoginOutcome.Success, 0, null)));

    [Test]
    public void Decide_WhenWrongBelowTheLimit_CountsTheFailure() =>
        Assert.That(LoginPolicy.Decide(User(failed: 1), false, Now, Options), Is.EqualTo(new LoginDecision(LoginOutcome.Invalid, 2, null)));

    [Test]
    public void Decide_WhenWrongForTheLastAllowedTime_Locks() =>
        Assert.That(LoginPolicy.Decide(User(failed: 2), false, Now, Options), Is.EqualTo(new LoginDecision(LoginOutcome.Locked, 0, Now.AddMinutes(15))));

    [Test]
    public void Decide_WhenLocked_RefusesEvenTheRightPassword() =>
        Assert.That(LoginPolicy.Decide(User(lockedUntil: Now.AddMinutes(1)), true, Now, Options).Outcome, Is.EqualTo(LoginOutcome.Locked));

    [Test]
    public void Decide_WhenTheLockHasExpired_AcceptsTheRightPassword() =>
        Assert.That(LoginPolicy.Decide(User(lockedUntil: Now.AddSeconds(-1)), true, Now, Options).Outcome, Is.EqualTo(LoginOutcome.Success));

    [Test]
    public void Decide_WhenDisabledOrUnknown_SaysOnlyInvalid()
    {
        Assert.That(LoginPolicy.Decide(User(disabled: true), true, Now, Options).Outcome, Is.EqualTo(LoginOutcome.Invalid));
        Assert.That(LoginPolicy.Decide(null, false, Now, Options).Outcome, Is.EqualTo(LoginOutcome.Invalid));
    }

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
