using System.Data.Common;
using Dapper;
using Dispatch.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Tests.Support;

/// <summary>
/// A fresh, empty database of one engine for one fixture: a temp SQLite file, or a new database on the
/// PostgreSQL (or SQL Server) that infra/test.sh started. Dropped again at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? adminConnection;
    private readonly string? databaseName;
    private readonly string? tempFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? adminConnection, string? databaseName, string? tempFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.adminConnection = adminConnection;
        this.databaseName = databaseName;
        this.tempFolder = tempFolder;
        Database = new Database(SqlDialect.For(provider), connectionString);
        InstantTypeHandler.Register();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Database Database { get; }

    /// <summary>Configuration keys that point a server at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Dispatch"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var kind = Enum.Parse<DatabaseProvider>(provider);
        var name = "dispatch_t_" + Guid.NewGuid().ToString("N")[..16];
        switch (kind)
        {
            case DatabaseProvider.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), name);
                Directory.CreateDirectory(folder);
                return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "dispatch.db")};Default Timeout=30", null, null, folder);
            case DatabaseProvider.PostgreSql:
            {
                var admin = TestEnvironment.PostgresAdmin;
                await ExecuteAdminAsync(kind, admin, $"CREATE DATABASE {name}");
                var csb = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name };
                return new TestDatabase(kind, csb.ConnectionString, admin, name, null);
            }

            case DatabaseProvider.SqlServer:
            {
                var admin = TestEnvironment.SqlServerAdmin ?? throw new InvalidOperationException($"{TestEnvironment.SqlServerVariable} is not set.");
                await ExecuteAdminAsync(kind, admin, $"CREATE DATABASE {name}");
                var csb = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(admin) { InitialCatalog = name };
                return new TestDatabase(kind, csb.ConnectionString, admin, name, null);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(provider));
        }
    }

    /// <summary>Creates the database and applies every migration.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string provider)
    {
        var db = await CreateAsync(provider);
        await new MigrationRunner(db.Database, NullLogger<MigrationRunner>.Instance).MigrateAsync(TimeProvider.System, CancellationToken.None);
        return db;
    }

    public async Task<DbConnection> OpenAsync() => await Database.OpenAsync(CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>
    /// The database "going away" for this test only, on a PostgreSQL that others share: no new connection to it is
    /// allowed and every client connected to it is ended. <see cref="EndOutageAsync"/> lets connections in again.
    /// The test role owns the database, and may end its own backends.
    /// </summary>
    public async Task BeginOutageAsync()
    {
        RequirePostgres();
        await ExecuteAdminAsync(Provider, adminConnection!, $"ALTER DATABASE {databaseName} ALLOW_CONNECTIONS false");
        await ExecuteAdminAsync(Provider, adminConnection!,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @Name AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
            new { Name = databaseName });
        ClearPool();
    }

    /// <summary>Ends the outage; safe to call when none began.</summary>
    public async Task EndOutageAsync()
    {
        RequirePostgres();
        await ExecuteAdminAsync(Provider, adminConnection!, $"ALTER DATABASE {databaseName} ALLOW_CONNECTIONS true");
        ClearPool(); // the test's own pooled connections were ended with the rest
    }

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(tempFolder!, recursive: true);
                }
                catch (IOException)
                {
                    // A server still shutting down may hold the file a moment longer; the temp folder is cleaned by the OS.
                }

                break;
            case DatabaseProvider.PostgreSql:
                Npgsql.NpgsqlConnection.ClearAllPools();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await ExecuteAdminAsync(Provider, adminConnection!, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
                        break;
                    }
                    catch (Npgsql.PostgresException) when (attempt < 5)
                    {
                        // A killed server's backends linger until PostgreSQL notices the dead socket.
                        await Task.Delay(1000);
                    }
                }

                break;
            case DatabaseProvider.SqlServer:
                Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
                await ExecuteAdminAsync(Provider, adminConnection!,
                    $"ALTER DATABASE {databaseName} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {databaseName}");
                break;
        }
    }

    private static async Task ExecuteAdminAsync(DatabaseProvider provider, string admin, string sql, object? parameters = null)
    {
        await using var connection = SqlDialect.For(provider).CreateConnection(admin);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    private void RequirePostgres()
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            throw new NotSupportedException($"A database outage is simulated on PostgreSQL only, not {Provider}.");
        }
    }

    private void ClearPool()
    {
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }
}

/// <summary>The engines every store test runs on: SQLite and PostgreSQL always, SQL Server when one is given.</summary>
public static class TestDatabases
{
    public static IEnumerable<string> Providers
    {
        get
        {
            yield return nameof(DatabaseProvider.Sqlite);
            yield return nameof(DatabaseProvider.PostgreSql);
            if (TestEnvironment.SqlServerAdmin is not null)
            {
                yield return nameof(DatabaseProvider.SqlServer);
            }
        }
    }
}
