using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Server.Security;

/// <summary>Creating accounts, checking passwords and recording logins. Shared by the API and the CLI.</summary>
public sealed partial class AccountService(
    UserStore users, SessionStore sessions, SignInThrottleStore throttle, TimeProvider clock, IPasswordHasher<UserAccount>? hasher = null)
{
    public const int MinPasswordLength = 8;

    private static readonly UserAccount Nobody = new("", "", "", null, "", true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private readonly IPasswordHasher<UserAccount> hasher = hasher ??= new PasswordHasher<UserAccount>();

    // Checked when the user name is unknown, so that answer costs what a wrong password for a real user costs: made
    // once, up front, by the same hasher, so with the same algorithm and iteration count as every stored hash.
    private readonly string dummyHash = hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>Checks a new account's fields; returns errors by field, empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(string userName, string role, string? scope, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (!UserNamePattern().IsMatch(userName))
        {
            errors["userName"] = ["userName must be 2–64 characters: lower-case letters, digits, '.', '_' or '-'."];
        }

        if (!Roles.IsPersonRole(role))
        {
            errors["role"] = [$"role '{role}' is not one of {string.Join(", ", Roles.People)}."];
        }
        else if (role != Roles.Admin && string.IsNullOrWhiteSpace(scope))
        {
            errors["scope"] = [role switch
            {
                Roles.Responder => "A responder needs the code of their unit as scope.",
                Roles.DepartmentHandler => "A department handler needs their organisation's code as scope.",
                _ => "Operators and supervisors need the area codes they cover as scope (comma-separated).",
            }];
        }

        if (password is not null && password.Length < MinPasswordLength)
        {
            errors["password"] = [$"password must be at least {MinPasswordLength} characters."];
        }

        return errors;
    }

    public async Task<UserAccount> CreateAsync(string userName, string displayName, string role, string? scope, string password, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = new UserAccount(userName, displayName, role, NormaliseScope(scope), "", false, now, now);
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        await users.SaveAsync(user, actor, "user.created", cancellationToken);
        return user;
    }

    public async Task<UserAccount?> ResetPasswordAsync(string userName, string password, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user = user with { PasswordHash = hasher.HashPassword(user, password), UpdatedAt = clock.GetUtcNow() };
        await users.SaveAsync(user, actor, "user.password-reset", cancellationToken);
        await sessions.RevokeAllAsync(userName, "password reset", actor, user.UpdatedAt, cancellationToken);

        // A reset also lifts the throttle: the admin has just spoken to the owner.
        await throttle.ClearAsync(SignInThrottleRules.AccountKey(userName), cancellationToken);
        return user;
    }

    public async Task<UserAccount?> SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user = user with { Disabled = disabled, UpdatedAt = clock.GetUtcNow() };
        await users.SaveAsync(user, actor, disabled ? "user.disabled" : "user.enabled", cancellationToken);
        if (disabled)
        {
            await sessions.RevokeAllAsync(userName, "disabled", actor, user.UpdatedAt, cancellationToken);
        }

        return user;
    }

    /// <summary>Signs in from <paramref name="address"/>: throttled, audited when it fails, timed alike for known and unknown names.</summary>
    public async Task<(LoginDecision Decision, UserAccount? User)> LoginAsync(string userName, string password, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var throttled = LoginPolicy.Throttle(
            await throttle.FindAsync(SignInThrottleRules.AccountKey(userName), cancellationToken),
            await throttle.FindAsync(SignInThrottleRules.AddressKey(address), cancellationToken), now);
        if (throttled is not null)
        {
            return (throttled, null);
        }

        var user = await users.FindAsync(userName, cancellationToken);
        var verified = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? dummyHash, password) != PasswordVerificationResult.Failed;
        var decision = LoginPolicy.Decide(user, verified);
        if (decision.Outcome == LoginOutcome.Success)
        {
            await throttle.ClearAsync(SignInThrottleRules.AccountKey(userName), cancellationToken);
            return (decision, user);
        }

        await throttle.RecordFailureAsync(userName, address, now, cancellationToken);
        return (decision, null);
    }

    /// <summary>Forgets a user's failed sign-ins, so the next attempt waits for nothing.</summary>
    public Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken) =>
        throttle.ClearAsync(SignInThrottleRules.AccountKey(userName), cancellationToken);

    private static string? NormaliseScope(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? null : string.Join(",", scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
