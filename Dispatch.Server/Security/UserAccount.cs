namespace Dispatch.Server.Security;

/// <summary>A person who signs in. <see cref="Scope"/> is read by <see cref="Roles"/>.</summary>
public sealed record UserAccount(
    string UserName,
    string DisplayName,
    string Role,
    string? Scope,
    string PasswordHash,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A machine client's key as stored: only a hash of the secret is kept.</summary>
public sealed record ApiKey(string Id, string Name, string KeyHash, string KeyPrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
