namespace Dispatch.Tests.Support;

/// <summary>
/// The real servers the tests use, as infra/test.sh provides them. A missing one fails the tests that need
/// it with a message saying how to get it, rather than skipping them quietly.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "DISPATCH_TEST_POSTGRES";
    public const string SqlServerVariable = "DISPATCH_TEST_SQLSERVER";
    public const string RabbitMqVariable = "DISPATCH_TEST_RABBITMQ";
    public const string ChromiumVariable = "DISPATCH_TEST_CHROMIUM";
    public const string StoppableVariable = "DISPATCH_TEST_STOPPABLE";

    public static string PostgresAdmin => Require(PostgresVariable, "a PostgreSQL connection string with CREATEDB rights");

    public static string? SqlServerAdmin => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    public static Uri RabbitMq => new(Require(RabbitMqVariable, "an amqp:// URI with a virtual host for the tests"));

    public static string Chromium => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Refuses (as not run, which makes infra/test.sh red) a test that would stop <paramref name="server"/>
    /// (<c>rabbitmq</c> or <c>postgres</c>) unless this run started it: infra/test.sh lists the servers it started
    /// in DISPATCH_TEST_STOPPABLE. A server that was already running may serve others, and is never stopped.
    /// </summary>
    public static void RequireStoppable(string server)
    {
        var started = (Environment.GetEnvironmentVariable(StoppableVariable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!started.Any(s => s == server || s.StartsWith(server + ":", StringComparison.Ordinal)))
        {
            Assert.Ignore($"This test stops {server}, which this run did not start ({StoppableVariable}=\"{string.Join(' ', started)}\"): " +
                "run it where infra/test.sh starts the servers itself, as CI does.");
        }
    }

    /// <summary>A file of the repository (samples, test data), found from the test binaries up to Dispatch.sln.</summary>
    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Dispatch.sln not found above the test folder."), relative);
    }

    private static string Require(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: it must hold {what}. Run the tests with infra/test.sh, which starts the servers and sets it.");
}
