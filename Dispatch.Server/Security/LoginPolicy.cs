namespace Dispatch.Server.Security;

public enum LoginOutcome
{
    Success,
    Invalid,
    Locked,
}

/// <summary>The result of a login attempt and the bookkeeping to store.</summary>
public sealed record LoginDecision(LoginOutcome Outcome, int FailedLogins, DateTimeOffset? LockedUntil);

/// <summary>
/// Pure: decides a login from the stored account, whether the password verified, and the time. A disabled or
/// unknown account is just "invalid", so the answer tells an attacker nothing; a locked one says so, because
/// its owner needs to know to wait.
/// </summary>
public static class LoginPolicy
{
    public static LoginDecision Decide(UserAccount? user, bool passwordVerified, DateTimeOffset now, SecurityOptions options)
    {
        if (user is null || user.Disabled)
        {
            return new LoginDecision(LoginOutcome.Invalid, user?.FailedLogins ?? 0, user?.LockedUntil);
        }

        if (user.LockedUntil is { } until && until > now)
        {
            return new LoginDecision(LoginOutcome.Locked, user.FailedLogins, until);
        }

        if (passwordVerified)
        {
            return new LoginDecision(LoginOutcome.Success, 0, null);
        }

        var failed = user.FailedLogins + 1;
        return failed >= options.MaxFailedLogins
            ? new LoginDecision(LoginOutcome.Locked, 0, now.AddMinutes(options.LockoutMinutes))
            : new LoginDecision(LoginOutcome.Invalid, failed, null);
    }
}
