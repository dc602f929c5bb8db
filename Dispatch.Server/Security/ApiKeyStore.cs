using System.Security.Cryptography;
using System.Text;
using Dapper;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Security;

/// <summary>
/// Owns the <c>api_keys</c> table. A key is shown once when created; only its SHA-256 is stored (a key is
/// 256 random bits, so a fast hash is enough — there is nothing to brute-force as with passwords).
/// </summary>
public sealed class ApiKeyStore(Database database)
{
    public const string KeyPrefix = "dk_";

    private const string Columns = """
        SELECT id AS Id, name AS Name, key_hash AS KeyHash, key_prefix AS KeyPrefix, created_at AS CreatedAt, revoked_at AS RevokedAt
        FROM api_keys
        """;

    private const string SelectByHash = Columns + "\nWHERE key_hash = @KeyHash";
    private const string SelectAll = Columns + "\nORDER BY created_at, id";
    private const string SelectByIdOrName = Columns + "\nWHERE id = @Key OR name = @Key OR key_prefix = @Key";

    private const string Insert = """
        INSERT INTO api_keys (id, name, key_hash, key_prefix, created_at, revoked_at)
        VALUES (@Id, @Name, @KeyHash, @KeyPrefix, @CreatedAt, NULL)
        """;

    private const string Revoke = "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL";

    /// <summary>Creates a key and returns it with its secret, which is not stored and cannot be shown again.</summary>
    public Task<(ApiKey Key, string Secret)> CreateAsync(string name, DateTimeOffset now, string actor, CancellationToken cancellationToken) =>
        CreateAsync(name, KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32)), now, actor, cancellationToken);

    /// <summary>Stores a key whose secret is given (the demo key from configuration).</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, string secret, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        var key = new ApiKey(Guid.NewGuid().ToString("D"), name, Hash(secret), secret[..Math.Min(secret.Length, 10)], now.ToUniversalTime(), null);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, key, tx, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, actor, null, "apikey.created", "apikey", key.Id, null,
            AuditJson.Serialize(new { key.Id, key.Name, key.KeyPrefix })), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<ApiKey?> FindBySecretAsync(string secret, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(SelectByHash, new { KeyHash = Hash(secret) }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken))).Select(r => r.ToKey()).ToList();
    }

    /// <summary>Revokes by id, name or prefix; returns the keys revoked.</summary>
    public async Task<IReadOnlyList<ApiKey>> RevokeAsync(string idOrName, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var keys = (await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(SelectByIdOrName, new { Key = idOrName }, tx, cancellationToken: cancellationToken)))
            .Select(r => r.ToKey()).Where(k => k.RevokedAt is null).ToList();
        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(Revoke, new { key.Id, At = now.ToUniversalTime() }, tx, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(now, actor, null, "apikey.revoked", "apikey", key.Id,
                AuditJson.Serialize(new { key.Id, key.Name }), null), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return keys;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class ApiKeyRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public string KeyPrefix { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public ApiKey ToKey() => new(Id, Name, KeyHash, KeyPrefix, CreatedAt, RevokedAt);
    }
}
