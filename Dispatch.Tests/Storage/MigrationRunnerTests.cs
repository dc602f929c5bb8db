using Dapper;
using Dispatch.Server.Storage;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Tests.Storage;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MigrationRunnerTests(string provider)
{
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestDatabase.CreateAsync(provider);

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private MigrationRunner Runner => new(db.Database, NullLogger<MigrationRunner>.Instance);

    [Test]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryShippedVersion()
    {
        var applied = await Runner.MigrateAsync(TimeProvider.System, CancellationToken.None);

        var shipped = MigrationRunner.Load(db.Database.Dialect).Select(m => m.Version).ToList();
        Assert.That(shipped, Is.Not.Empty);
        Assert.That(applied, Is.EqualTo(shipped));
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM schema_journal"), Is.EqualTo(shipped.Count));
    }

    [Test]
    public async Task Migrate_WhenRunTwice_ChangesNothing()
    {
        await Runner.MigrateAsync(TimeProvider.System, CancellationToken.None);
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO incidents (id, received_at, opened_at, status, kind, description, alert_count)
                VALUES ('x', @Now, @Now, 'Open', 'Police', 'kept', 1)
                """, new { Now = DateTimeOffset.UtcNow });
        }

        var second = await Runner.MigrateAsync(TimeProvider.System, CancellationToken.None);

        Assert.That(second, Is.Empty);
        Assert.That(await db.ScalarAsync<int>("SELECT COUNT(*) FROM schema_journal"), Is.EqualTo(MigrationRunner.Load(db.Database.Dialect).Count));
        Assert.That(await db.ScalarAsync<string>("SELECT description FROM incidents WHERE id = 'x'"), Is.EqualTo("kept"));
    }

    [Test]
    public async Task Migrate_WhenTwoRunnersStartTogether_AppliesEachVersionOnce()
    {
        var both = await Task.WhenAll(
            Runner.MigrateAsync(TimeProvider.System, CancellationToken.None),
            Runner.MigrateAsync(TimeProvider.System, CancellationToken.None));

        var shipped = MigrationRunner.Load(db.Database.Dialect).Select(m => m.Version);
        Assert.That(both[0].Concat(both[1]).Order(), Is.EqualTo(shipped));
    }

    [Test]
    public async Task AuditLog_WhenSomethingTriesToRewriteHistory_TheDatabaseRefuses()
    {
        await Runner.MigrateAsync(TimeProvider.System, CancellationToken.None);
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO audit_log (at, actor, action, subject_type, subject_id)
            VALUES (@Now, 'system', 'incident.opened', 'incident', 'x')
            """, new { Now = DateTimeOffset.UtcNow });

        Assert.That(async () => await connection.ExecuteAsync("UPDATE audit_log SET actor = 'someone else'"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(async () => await connection.ExecuteAsync("DELETE FROM audit_log"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT actor FROM audit_log"), Is.EqualTo("system"));
    }
}
