using System.CommandLine;
using System.Data.Common;
using Dispatch.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Console.Database;

/// <summary><c>dispatch db migrate</c>: the server's own migrations, for deployments that migrate before starting nodes.</summary>
public static class DbCommands
{
    public static Command Build()
    {
        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(BuildMigrate());
        return db;
    }

    private static Command BuildMigrate()
    {
        var provider = new Option<DatabaseProvider?>("--provider")
        {
            Description = "Sqlite, PostgreSql or SqlServer (default: $Database__Provider, else Sqlite).",
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "Connection string (default: $ConnectionStrings__Dispatch, else SQLite file data/dispatch.db under the current directory).",
        };

        var migrate = new Command("migrate", "Apply the server's pending database migrations.");
        migrate.Options.Add(provider);
        migrate.Options.Add(connection);
        migrate.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            return MigrateAsync(parse.GetValue(provider), parse.GetValue(connection), config.Output, config.Error, cancellationToken);
        });
        return migrate;
    }

    internal static async Task<int> MigrateAsync(
        DatabaseProvider? provider, string? connection, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = BuildConfiguration(provider, connection);
        var contentRoot = Directory.GetCurrentDirectory();
        Dispatch.Server.Storage.Database database;
        try
        {
            database = StorageSetup.CreateDatabase(configuration, contentRoot);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"cannot migrate: {ex.Message}");
            return ExitCodes.Rejected;
        }

        var target = Describe(database.Dialect.Provider, configuration.GetConnectionString("Dispatch") ?? StorageSetup.DefaultSqliteConnection, contentRoot);
        await output.WriteLineAsync($"Migrating {database.Dialect.Provider} database {target}");

        var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
        IReadOnlyList<int> applied;
        try
        {
            applied = await runner.MigrateAsync(TimeProvider.System, cancellationToken);
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"migration failed on {target}: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        var migrations = MigrationRunner.Load(database.Dialect);
        if (applied.Count == 0)
        {
            await output.WriteLineAsync($"Up to date 已是最新 ({migrations.Count} migration(s), latest {(migrations.Count > 0 ? migrations[^1].Version : 0):0000}).");
            return ExitCodes.Ok;
        }

        foreach (var version in applied)
        {
            var name = migrations.FirstOrDefault(m => m.Version == version)?.Name;
            await output.WriteLineAsync($"  applied {version:0000} {name}");
        }

        await output.WriteLineAsync($"Applied {applied.Count} migration(s) 已迁移.");
        return ExitCodes.Ok;
    }

    /// <summary>Options over the environment, the same keys the server reads; the server's defaults fill the rest.</summary>
    internal static IConfiguration BuildConfiguration(DatabaseProvider? provider, string? connection)
    {
        var overrides = new Dictionary<string, string?>();
        if (provider is { } chosen)
        {
            overrides["Database:Provider"] = chosen.ToString();
        }

        if (!string.IsNullOrWhiteSpace(connection))
        {
            overrides["ConnectionStrings:Dispatch"] = connection;
        }

        return new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Where the migration goes, without the password.</summary>
    private static string Describe(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
                return Path.IsPathRooted(file) || file == ":memory:" ? file : Path.GetFullPath(Path.Combine(contentRoot, file));
            }

            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var secret in new[] { "Password", "Pwd" })
            {
                builder.Remove(secret);
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
