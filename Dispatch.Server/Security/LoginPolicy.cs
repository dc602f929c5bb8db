namespace Dispatch.Server.Security;

public enum LoginOutcome
{
    Success,
    Invalid,

    /// <summary>Too many recent failures for this account or this address: wait <see cref="LoginDecision.RetryAfter"/>.</summary>
    Throttled,
}

public sealed record LoginDecision(LoginOutcome Outcome, TimeSpan? RetryAfter = null);

/// <summary>
/// Pure: decides a sign-in from the throttles, the stored account and whether the password verified. An unknown,
/// disabled or wrong account is just "invalid", and the throttle is keyed by the name tried whether or not it
/// exists, so no answer tells an attacker which accounts exist.
/// </summary>
public static class LoginPolicy
{
    /// <summary>Before the password is checked: whether the account or the address must wait first.</summary>
    public static LoginDecision? Throttle(ThrottleState account, ThrottleState address, DateTimeOffset now)
    {
        var until = new[] { account.BlockedUntil, address.BlockedUntil }.Where(u => u > now).Max();
        return until is { } blocked ? new LoginDecision(LoginOutcome.Throttled, blocked - now) : null;
    }

    public static LoginDecision Decide(UserAccount? user, bool passwordVerified) =>
        user is { Disabled: false } && passwordVerified ? new LoginDecision(LoginOutcome.Success) : new LoginDecision(LoginOutcome.Invalid);
}
