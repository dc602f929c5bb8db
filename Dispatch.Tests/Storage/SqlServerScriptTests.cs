using Dispatch.Server.Incidents;
using Dispatch.Server.Storage;

namespace Dispatch.Tests.Storage;

/// <summary>
/// SQL Server cannot run on our build machines, yet it is a supported production database: its migrations and the
/// SQL its dialect produces are parsed with the SQL Server 2016 grammar and checked against the schema the
/// migrations build. The store tests still run on a real SQL Server when DISPATCH_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static readonly SqlDialect SqlServer = SqlDialect.For(DatabaseProvider.SqlServer);

    /// <summary>The schema of a migrated SQL Server database, every migration checked on the way.</summary>
    private static (TSqlChecker Checker, List<string> Problems) Migrated()
    {
        var checker = new TSqlChecker();
        var problems = checker.Apply(MigrationRunner.CreateJournalSqlServer).Select(p => $"journal: {p}").ToList();
        foreach (var migration in MigrationRunner.Load(SqlServer))
        {
            foreach (var (batch, i) in migration.Statements.Select((s, i) => (s, i)))
            {
                problems.AddRange(checker.Apply(batch).Select(p => $"{migration.Version:0000}_{migration.Name} batch {i + 1}: {p}"));
            }
        }

        return (checker, problems);
    }

    [Test]
    public void Migrations_ParseAsSqlServer2016_AndNameOnlyWhatExists()
    {
        var (checker, problems) = Migrated();

        Assert.That(problems, Is.Empty);
        Assert.That(MigrationRunner.Load(SqlServer), Has.Count.GreaterThanOrEqualTo(13));
        Assert.That(checker.Tables.Keys, Is.SupersetOf(new[] { "schema_journal", "incidents", "alerts", "units", "audit_log", "task_orders" }));
    }

    [Test]
    public void DialectSql_ParsesAsSqlServer2016_AgainstTheMigratedSchema()
    {
        var (checker, _) = Migrated();
        var statements = new Dictionary<string, string>
        {
            ["migration lock"] = SqlServer.MigrationLock!,
            ["journal read"] = MigrationRunner.SelectApplied,
            ["journal write"] = MigrationRunner.InsertApplied,
            ["paged incidents"] = SqlServer.Page(IncidentStore.IncidentColumns + "\nWHERE " + SqlServer.InList("street_code", "Codes") + IncidentStore.NewestFirst),
        };

        var problems = statements.SelectMany(s => checker.Check(s.Value).Select(p => $"{s.Key}: {p}"));

        Assert.That(problems, Is.Empty);
        Assert.That(SqlServer.PrepareDatabase, Is.Null, "a SQL Server preparation statement would need checking here too");
    }

    [TestCase("SELECT id FROM incidents ORDER BY id LIMIT 10", "LIMIT")]
    [TestCase("SELECT id, no_such_column FROM incidents", "no_such_column")]
    [TestCase("SELECT i.id FROM incidents i JOIN alerts a ON a.incident_id = i.id WHERE a.caller = @Phone", "a.caller")]
    [TestCase("UPDATE incidents SET statuz = @Status WHERE id = @Id", "statuz")]
    [TestCase("INSERT INTO incidents (id, nope) VALUES (@Id, 1)", "nope")]
    [TestCase("SELECT id FROM no_such_table", "no_such_table")]
    [TestCase("CREATE INDEX ix_bad ON incidents (missing_column)", "missing_column")]
    public void Checker_WhenAMistakeIsPlanted_NamesIt(string sql, string named)
    {
        var (checker, _) = Migrated();

        var problems = checker.Check(sql);

        Assert.That(problems, Is.Not.Empty, $"a planted mistake in: {sql}");
        Assert.That(string.Join("\n", problems), Does.Contain(named == "LIMIT" ? "line 1" : named.Split('.')[^1]));
    }
}
