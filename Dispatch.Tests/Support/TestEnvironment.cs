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

    public static string PostgresAdmin => Require(PostgresVariable, "a PostgreSQL connection string with CREATEDB rights");

    public static string? SqlServerAdmin => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    public static Uri RabbitMq => new(Require(RabbitMqVariable, "an amqp:// URI with a virtual host for the tests"));

    public static string Chromium => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

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
