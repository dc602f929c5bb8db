using System.Security.Cryptography;
using System.Text;
using Dapper;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Security;

/// <summary>A signed-in browser as stored: <see cref="IdHash"/> is the SHA-256 of the id the cookie carries.</summary>
public sealed record SessionInfo(string IdHash, string UserName, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? Client, DateTimeOffset? RevokedAt);

/// <summary>A session with what its user is now: what every request is checked against.</summary>
public sealed record SessionState(
    string IdHash, string UserName, DateTimeOffset LastSeenAt, DateTimeOffset? RevokedAt, bool UserDisabled, string? UserRole, string? UserScope);

/// <summary>Owns the <c>sessions</c> table. Ending sessions is audited; creating and touching them is not (every sign-in).</summary>
public sealed class SessionStore(Database database)
{
    private const string Insert = """
        INSERT INTO sessions (id_hash, user_name, created_at, last_seen_at, client, revoked_at)
        VALUES (@IdHash, @UserName, @CreatedAt, @LastSeenAt, @Client, NULL)
        """;

    private const string StateColumns = """
        SELECT s.id_hash AS IdHash, s.user_name AS UserName, s.last_seen_at AS LastSeenAt, s.revoked_at AS RevokedAt,
               u.disabled AS UserDisabled, u.role AS UserRole, u.scope AS UserScope
        FROM sessions s LEFT JOIN users u ON u.user_name = s.user_name
        """;

    private const string SelectForUser = """
        SELECT id_hash AS IdHash, user_name AS UserName, created_at AS CreatedAt, last_seen_at AS LastSeenAt, client AS Client, revoked_at AS RevokedAt
        FROM sessions WHERE user_name = @UserName ORDER BY created_at
        """;

    private const string Touch = "UPDATE sessions SET last_seen_at = @At WHERE id_hash = @IdHash AND revoked_at IS NULL";
    private const string RevokeOne = "UPDATE sessions SET revoked_at = @At WHERE id_hash = @IdHash AND revoked_at IS NULL";
    private const string RevokeUser = "UPDATE sessions SET revoked_at = @At WHERE user_name = @UserName AND revoked_at IS NULL";

    public static string Hash(string sessionId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId))).ToLowerInvariant();

    /// <summary>Starts a session and answers its id: 256 random bits, for the cookie only.</summary>
    public async Task<string> CreateAsync(string userName, string? client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            IdHash = Hash(id), UserName = userName, CreatedAt = now.ToUniversalTime(), LastSeenAt = now.ToUniversalTime(),
            Client = client is { Length: > 200 } ? client[..200] : client,
        }, cancellationToken: cancellationToken));
        return id;
    }

    public async Task<SessionState?> FindAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            StateColumns + "\nWHERE s.id_hash = @IdHash", new { IdHash = idHash }, cancellationToken: cancellationToken));
        return row?.ToState();
    }

    /// <summary>The states of many sessions at once (the open hub connections of a node).</summary>
    public async Task<IReadOnlyList<SessionState>> FindManyAsync(IReadOnlyCollection<string> idHashes, CancellationToken cancellationToken)
    {
        var found = new List<SessionState>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in idHashes.Chunk(500))
        {
            found.AddRange((await connection.QueryAsync<StateRow>(new CommandDefinition(
                StateColumns + "\nWHERE " + database.Dialect.InList("s.id_hash", "IdHashes"), new { IdHashes = chunk }, cancellationToken: cancellationToken))).Select(r => r.ToState()));
        }

        return found;
    }

    public async Task<IReadOnlyList<SessionInfo>> ListAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<InfoRow>(new CommandDefinition(SelectForUser, new { UserName = userName }, cancellationToken: cancellationToken))).Select(r => r.ToInfo()).ToList();
    }

    public async Task TouchAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Touch, new { IdHash = idHash, At = now.ToUniversalTime() }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends one session (sign out).</summary>
    public async Task RevokeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RevokeOne, new { IdHash = idHash, At = now.ToUniversalTime() }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every session of a user, with an audit entry naming why; answers how many were open.</summary>
    public async Task<int> RevokeAllAsync(string userName, string reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await connection.ExecuteAsync(new CommandDefinition(RevokeUser, new { UserName = userName, At = now.ToUniversalTime() }, tx, cancellationToken: cancellationToken));
        if (ended > 0)
        {
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, actor, null, "user.sessions-ended", "user", userName, null,
                AuditJson.Serialize(new { sessions = ended, reason })), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return ended;
    }

    private sealed class StateRow
    {
        public string IdHash { get; set; } = "";
        public string UserName { get; set; } = "";
        public DateTimeOffset LastSeenAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public bool? UserDisabled { get; set; }
        public string? UserRole { get; set; }
        public string? UserScope { get; set; }

        public SessionState ToState() => new(IdHash, UserName, LastSeenAt, RevokedAt, UserDisabled ?? true, UserRole, UserScope);
    }

    private sealed class InfoRow
    {
        public string IdHash { get; set; } = "";
        public string UserName { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset LastSeenAt { get; set; }
        public string? Client { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public SessionInfo ToInfo() => new(IdHash, UserName, CreatedAt, LastSeenAt, Client, RevokedAt);
    }
}
