using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Dispatch.Server.Storage;

/// <summary>
/// Applies the numbered <c>.sql</c> files of the configured dialect, each once, recorded in
/// <c>schema_journal</c>. Safe to run on every start and from several nodes at once.
/// </summary>
public sealed partial class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_journal (
            version INTEGER NOT NULL PRIMARY KEY,
            name VARCHAR(200) NOT NULL,
            applied_at VARCHAR(40) NOT NULL
        )
        """;

    // SQL Server has no CREATE TABLE IF NOT EXISTS.
    internal const string CreateJournalSqlServer = """
        IF OBJECT_ID(N'schema_journal', N'U') IS NULL
        CREATE TABLE schema_journal (
            version INT NOT NULL PRIMARY KEY,
            name NVARCHAR(200) NOT NULL,
            applied_at NVARCHAR(40) NOT NULL
        )
        """;

    internal const string SelectApplied = "SELECT version FROM schema_journal";

    internal const string InsertApplied = """
        INSERT INTO schema_journal (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)
        """;

    /// <summary>The migrations shipped for a dialect, in order.</summary>
    public static IReadOnlyList<Migration> Load(SqlDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{dialect.MigrationFolder}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ReadMigration(assembly, n, n[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies what is missing and returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var migrations = Load(dialect);
        var applied = new List<int>();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (dialect.PrepareDatabase is { } prepare)
        {
            await connection.ExecuteAsync(new CommandDefinition(prepare, cancellationToken: cancellationToken));
        }

        var createJournal = dialect.Provider == DatabaseProvider.SqlServer ? CreateJournalSqlServer : CreateJournal;
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Under the lock too: two nodes creating the journal at once collide even with IF NOT EXISTS.
            await LockAsync(connection, tx, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(createJournal, transaction: tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
        }

        foreach (var migration in migrations)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, tx, cancellationToken);

            // Read inside the lock: another node may have applied it while we waited.
            var done = (await connection.QueryAsync<int>(new CommandDefinition(SelectApplied, transaction: tx, cancellationToken: cancellationToken))).ToHashSet();
            if (done.Contains(migration.Version))
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            foreach (var statement in migration.Statements)
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: tx, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(InsertApplied, new
            {
                migration.Version,
                migration.Name,
                AppliedAt = clock.GetUtcNow().ToString("O"),
            }, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
            logger.LogInformation("Applied migration {MigrationVersion} {MigrationName} on {DatabaseProvider}",
                migration.Version, migration.Name, dialect.Provider);
        }

        return applied;
    }

    private async Task LockAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        if (database.Dialect.MigrationLock is { } lockSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: tx, cancellationToken: cancellationToken));
        }
    }

    private static Migration ReadMigration(Assembly assembly, string resource, string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, SplitStatements(text));
    }

    /// <summary>
    /// Splits on lines that hold only <c>GO</c> (SQL Server's batch separator, used by all our dialects so
    /// that triggers and functions with inner semicolons stay whole).
    /// </summary>
    private static string[] SplitStatements(string text) =>
        BatchSeparator().Split(text)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToArray();

    [GeneratedRegex(@"^(\d{4})_(.+)\.sql$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}

/// <summary>One numbered migration file, split into batches.</summary>
public sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);
