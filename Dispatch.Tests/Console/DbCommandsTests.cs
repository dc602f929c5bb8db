using Dispatch.Server.Storage;
using Microsoft.Data.Sqlite;
using Cli = Dispatch.Console.Program;

using Dispatch.Tests.Support;

namespace Dispatch.Tests.Console;

public sealed class DbCommandsTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("dispatch-db-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Migrate_WhenDatabaseIsNew_PrintsEveryAppliedVersion()
    {
        var (exitCode, output) = await RunAsync("db", "migrate", "--provider", "Sqlite", "--connection", $"Data Source={directory}/new.db");

        var migrations = MigrationRunner.Load(SqlDialect.For(DatabaseProvider.Sqlite));
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(migrations, Is.Not.Empty);
        Assert.That(output, Does.Contain($"applied {migrations[0].Version:0000} {migrations[0].Name}"));
        Assert.That(File.Exists(Path.Combine(directory, "new.db")), Is.True);
    }

    [Test]
    public async Task Migrate_WhenRunTwice_SaysUpToDate()
    {
        var connection = $"Data Source={directory}/again.db";
        await RunAsync("db", "migrate", "--connection", connection);

        var (exitCode, output) = await RunAsync("db", "migrate", "--connection", connection);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Contain("Up to date"));
        Assert.That(output, Does.Not.Contain("applied"));
    }

    [Test]
    public async Task Migrate_WhenProviderNeedsConnectionStringButHasNone_ExitsOne()
    {
        // Only meaningful when the environment does not supply one.
        Assume.That(Environment.GetEnvironmentVariable("ConnectionStrings__Dispatch"), Is.Null.Or.Empty);

        var (exitCode, output) = await RunAsync("db", "migrate", "--provider", "PostgreSql");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("ConnectionStrings:Dispatch is empty"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = await Cli.RunAsync(Session.CliArgs(args), writer, writer);
        return (exitCode, writer.ToString());
    }
}
