using Dapper;
using Dispatch.Server.Audit;
using Dispatch.Server.Storage;

namespace Dispatch.Server.Security;

/// <summary>Owns the <c>users</c> table. Every change is audited without the password hash.</summary>
public sealed class UserStore(Database database)
{
    private const string Columns = """
        SELECT user_name AS UserName, display_name AS DisplayName, role AS Role, scope AS Scope,
               password_hash AS PasswordHash, disabled AS Disabled, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM users
        """;

    private const string SelectOne = Columns + "\nWHERE user_name = @UserName";
    private const string SelectAll = Columns + "\nORDER BY user_name";
    private const string Count = "SELECT COUNT(*) FROM users";

    private const string Insert = """
        INSERT INTO users (user_name, display_name, role, scope, password_hash, disabled, created_at, updated_at)
        VALUES (@UserName, @DisplayName, @Role, @Scope, @PasswordHash, @Disabled, @CreatedAt, @UpdatedAt)
        """;

    private const string Update = """
        UPDATE users
        SET display_name = @DisplayName, role = @Role, scope = @Scope, password_hash = @PasswordHash, disabled = @Disabled,
            updated_at = @UpdatedAt
        WHERE user_name = @UserName
        """;

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(SelectOne, new { UserName = userName }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, cancellationToken: cancellationToken));
    }

    /// <summary>Creates or replaces a user, with an audit entry, in one transaction.</summary>
    public async Task SaveAsync(UserAccount user, string actor, string action, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var before = (await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(SelectOne, new { user.UserName }, tx, cancellationToken: cancellationToken)))?.ToAccount();
        var row = UserRow.From(user);
        await connection.ExecuteAsync(new CommandDefinition(before is null ? Insert : Update, row, tx, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, tx, new AuditEntry(user.UpdatedAt, actor, null, action, "user", user.UserName,
            before is null ? null : AuditJson.Serialize(Redact(before)), AuditJson.Serialize(Redact(user))), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static object Redact(UserAccount user) => new { user.UserName, user.DisplayName, user.Role, user.Scope, user.Disabled };

    private sealed class UserRow
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public string? Scope { get; set; }
        public string PasswordHash { get; set; } = "";
        public bool Disabled { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public static UserRow From(UserAccount u) => new()
        {
            UserName = u.UserName,
            DisplayName = u.DisplayName,
            Role = u.Role,
            Scope = u.Scope,
            PasswordHash = u.PasswordHash,
            Disabled = u.Disabled,
            CreatedAt = u.CreatedAt.ToUniversalTime(),
            UpdatedAt = u.UpdatedAt.ToUniversalTime(),
        };

        public UserAccount ToAccount() => new(UserName, DisplayName, Role, Scope, PasswordHash, Disabled, CreatedAt, UpdatedAt);
    }
}
