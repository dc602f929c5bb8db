using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Server.Storage;

/// <summary>
/// The few things that differ between our three engines. Everything else is portable SQL in the stores.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Folder name of this dialect's migrations under <c>Storage/Migrations</c>.</summary>
    public abstract string MigrationFolder { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Appends paging to a query that already ends in ORDER BY; binds <c>@Skip</c> and <c>@Take</c>.</summary>
    public virtual string Page(string orderedQuery) => orderedQuery + "\nLIMIT @Take OFFSET @Skip";

    /// <summary>
    /// "column is one of the list parameter". Dapper expands <c>IN @List</c> into one parameter per item, except
    /// for Npgsql, to which it hands a native array, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>"the text column contains the text parameter", exactly (no wildcards, unlike LIKE); false when the column is NULL.</summary>
    public virtual string ContainsText(string column, string parameter) => $"instr({column}, @{parameter}) > 0";

    /// <summary>The first <paramref name="count"/> characters of a text expression.</summary>
    public virtual string Left(string expression, int count) => $"substr({expression}, 1, {count})";

    /// <summary>The last <paramref name="count"/> characters of a text expression.</summary>
    public virtual string Right(string expression, int count) => $"substr({expression}, -{count})";

    /// <summary>The number of characters of a text expression.</summary>
    public virtual string Length(string expression) => $"length({expression})";

    /// <summary>A statement that serialises migration runners on one database (several nodes may start at once).</summary>
    public virtual string? MigrationLock => null;

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Run once before migrations: engine settings that live in the database itself.</summary>
    public virtual string? PrepareDatabase => null;

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.PostgreSql => new PostgreSqlDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string MigrationFolder => "sqlite";
        public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

        // WAL lets the screens read while a consumer writes; it is a property of the file, so set it once.
        public override string PrepareDatabase => "PRAGMA journal_mode=WAL";

        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067).
        public override bool IsUniqueViolation(DbException exception) =>
            exception is SqliteException { SqliteExtendedErrorCode: 1555 or 2067 };
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
        public override string MigrationFolder => "postgresql";
        public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);
        public override string MigrationLock => "SELECT pg_advisory_xact_lock(7061727)";
        public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";
        public override string ContainsText(string column, string parameter) => $"strpos({column}, @{parameter}) > 0";
        public override string Right(string expression, int count) => $"right({expression}, {count})";
        public override bool IsUniqueViolation(DbException exception) =>
            exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string MigrationFolder => "sqlserver";
        public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);
        public override string Page(string orderedQuery) => orderedQuery + "\nOFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string ContainsText(string column, string parameter) => $"CHARINDEX(@{parameter}, {column}) > 0";
        public override string Left(string expression, int count) => $"LEFT({expression}, {count})";
        public override string Right(string expression, int count) => $"RIGHT({expression}, {count})";
        public override string Length(string expression) => $"LEN({expression})";
        public override string MigrationLock =>
            "EXEC sp_getapplock @Resource = 'dispatch-migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction'";

        // 2627: PRIMARY KEY / UNIQUE constraint; 2601: unique index.
        public override bool IsUniqueViolation(DbException exception) =>
            exception is SqlException { Number: 2627 or 2601 };
    }
}
