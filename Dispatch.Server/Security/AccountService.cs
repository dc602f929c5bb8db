using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Server.Security;

/// <summary>Creating accounts, checking passwords and recording logins. Shared by the API and the CLI.</summary>
public sealed partial class AccountService(UserStore users, TimeProvider clock, SecurityOptions options)
{
    public const int MinPasswordLength = 8;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

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
        var user = new UserAccount(userName, displayName, role, NormaliseScope(scope), "", false, 0, null, now, now);
        user = user with { PasswordHash = Hasher.HashPassword(user, password) };
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

        // A reset also lifts a lockout: the admin has just spoken to the owner.
        user = user with { PasswordHash = Hasher.HashPassword(user, password), FailedLogins = 0, LockedUntil = null, UpdatedAt = clock.GetUtcNow() };
        await users.SaveAsync(user, actor, "user.password-reset", cancellationToken);
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
        return user;
    }

    public async Task<(LoginOutcome Outcome, UserAccount? User, DateTimeOffset? LockedUntil)> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        var verified = user is not null && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        var decision = LoginPolicy.Decide(user, verified, clock.GetUtcNow(), options);
        if (user is not null && (decision.FailedLogins != user.FailedLogins || decision.LockedUntil != user.LockedUntil))
        {
            await users.RecordLoginStateAsync(user.UserName, decision.FailedLogins, decision.LockedUntil, cancellationToken);
        }

        return (decision.Outcome, decision.Outcome == LoginOutcome.Success ? user : null, decision.LockedUntil);
    }

    private static string? NormaliseScope(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? null : string.Join(",", scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
