using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Microsoft.Data.Sqlite;

namespace Dispatch.Server.Storage;

public static class StorageSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/dispatch.db";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Dispatch</c>; SQLite under <c>data/</c> by default.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var database = CreateDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        InstantTypeHandler.Register();
        return builder;
    }

    /// <summary>Dapper's reading of instants on every engine; for tools that use the stores without the server.</summary>
    public static void RegisterTypeHandlers() => InstantTypeHandler.Register();

    /// <summary>Also used by the CLI's <c>dispatch db migrate</c>, so both read configuration the same way.</summary>
    public static Database CreateDatabase(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!StrictEnum.TryParse<DatabaseProvider>(providerText, out var provider))
        {
            throw new InvalidOperationException(StrictEnum.NotOneOf<DatabaseProvider>("Database:Provider", providerText));
        }

        var connectionString = configuration.GetConnectionString("Dispatch");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"Database:Provider is {provider} but ConnectionStrings:Dispatch is empty.");
            }

            connectionString = DefaultSqliteConnection;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = RootSqliteFile(connectionString, contentRoot);
        }

        return new Database(SqlDialect.For(provider), connectionString);
    }

    // A relative SQLite path is relative to the content root, and its folder is created on first start.
    private static string RootSqliteFile(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        csb.Pooling = true;
        if (csb.DefaultTimeout < 30)
        {
            // Microsoft.Data.Sqlite retries a busy database until the command timeout.
            csb.DefaultTimeout = 30;
        }

        return csb.ToString();
    }
}
