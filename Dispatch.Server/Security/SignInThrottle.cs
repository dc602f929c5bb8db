using Dapper;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Security;

/// <summary>
/// Pure: how long sign-in waits after failures. The first few are free (typing mistakes); after that each failure
/// doubles the wait, up to a cap. An account's cap is short, so a stranger guessing at a user slows them down by
/// at most that much and can never lock them out; a client address's is long, since it is the guesser's own.
/// </summary>
public static class SignInThrottleRules
{
    public const int FreeAccountFailures = 5;
    public const int FreeAddressFailures = 20;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AccountCap = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan AddressCap = TimeSpan.FromMinutes(15);

    public static string AccountKey(string userName) => "user:" + userName.Trim().ToLowerInvariant();

    public static string AddressKey(string? address) => "addr:" + (address ?? "unknown");

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row; zero while still free.</summary>
    public static TimeSpan DelayAfter(int failures, int free, TimeSpan cap)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - free, 30);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < cap ? delay : cap;
    }
}

/// <summary>One throttle row: failures in a row and when the next attempt may be made.</summary>
public sealed record ThrottleState(string Key, int Failures, DateTimeOffset? BlockedUntil);

/// <summary>Owns the <c>sign_in_throttle</c> table; failed sign-ins are audited with the name tried and the address.</summary>
public sealed class SignInThrottleStore(Database database)
{
    private const string Select = "SELECT throttle_key AS ThrottleKey, failures AS Failures, blocked_until AS BlockedUntil FROM sign_in_throttle WHERE throttle_key = @Key";
    private const string Update = "UPDATE sign_in_throttle SET failures = @Failures, blocked_until = @BlockedUntil, updated_at = @At WHERE throttle_key = @Key";
    private const string Insert = "INSERT INTO sign_in_throttle (throttle_key, failures, blocked_until, updated_at) VALUES (@Key, @Failures, @BlockedUntil, @At)";
    private const string Delete = "DELETE FROM sign_in_throttle WHERE throttle_key = @Key";

    public async Task<ThrottleState> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { Key = key }, cancellationToken: cancellationToken));
        return new ThrottleState(key, row?.Failures ?? 0, row?.BlockedUntil);
    }

    /// <summary>Counts a failure against the account and the address and audits it, in one transaction.</summary>
    public async Task RecordFailureAsync(string userName, string? address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, free, cap) in new[]
        {
            (SignInThrottleRules.AccountKey(userName), SignInThrottleRules.FreeAccountFailures, SignInThrottleRules.AccountCap),
            (SignInThrottleRules.AddressKey(address), SignInThrottleRules.FreeAddressFailures, SignInThrottleRules.AddressCap),
        })
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { Key = key }, tx, cancellationToken: cancellationToken));
            var failures = (row?.Failures ?? 0) + 1;
            var delay = SignInThrottleRules.DelayAfter(failures, free, cap);
            var values = new { Key = key, Failures = failures, BlockedUntil = delay > TimeSpan.Zero ? now.ToUniversalTime() + delay : (DateTimeOffset?)null, At = now.ToUniversalTime() };
            await connection.ExecuteAsync(new CommandDefinition(row is null ? Insert : Update, values, tx, cancellationToken: cancellationToken));
        }

        var tried = userName.Length > 64 ? userName[..64] : userName;
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, "anonymous", null, "user.sign-in-failed", "user", tried, null,
            AuditJson.Serialize(new { address })), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets the failures of a key: an account after its owner signs in, or when an admin unlocks it.</summary>
    public async Task<bool> ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Delete, new { Key = key }, cancellationToken: cancellationToken)) > 0;
    }

    private sealed class Row
    {
        public string ThrottleKey { get; set; } = "";
        public int Failures { get; set; }
        public DateTimeOffset? BlockedUntil { get; set; }
    }
}
