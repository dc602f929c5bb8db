using System.Diagnostics;

namespace Dispatch.Tests.Support;

/// <summary>
/// The broker "going away" for the tests' own RabbitMQ user and virtual host only (DISPATCH_TEST_RABBITMQ), so a
/// shared broker keeps serving everyone else: the user loses its permissions on the virtual host, so it cannot
/// connect there, and its open connections there are closed. <see cref="EndAsync"/> gives the permissions back.
/// </summary>
public sealed class BrokerOutage
{
    private readonly string user;
    private readonly string vhost;
    private string[]? permissions;

    public BrokerOutage()
    {
        var uri = TestEnvironment.RabbitMq;
        user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";
    }

    public async Task BeginAsync()
    {
        // Restored as found: configure, write and read patterns.
        permissions = (await RabbitCtlAsync("list_user_permissions", "-q", "--no-table-headers", user))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .FirstOrDefault(fields => fields.Length == 4 && fields[0] == vhost)?[1..]
            ?? throw new InvalidOperationException($"RabbitMQ user '{user}' has no permissions on virtual host '{vhost}'.");
        await RabbitCtlAsync("clear_permissions", "-p", vhost, user);

        // Revoked permissions stop new connections only; those already open must be closed. None can open any more,
        // so this ends once the broker has closed the last one.
        await Eventually.GetAsync(async () =>
        {
            var open = await OpenConnectionsAsync();
            foreach (var pid in open)
            {
                await RabbitCtlAsync(check: false, "close_connection", pid, "test outage");
            }

            return open.Count == 0 ? "" : null;
        }, TimeSpan.FromSeconds(30), $"the connections of '{user}' to '{vhost}' to close");
    }

    /// <summary>Ends the outage; safe to call when <see cref="BeginAsync"/> failed part way.</summary>
    public async Task EndAsync()
    {
        if (permissions is not null)
        {
            await RabbitCtlAsync("set_permissions", "-p", vhost, user, permissions[0], permissions[1], permissions[2]);
        }
    }

    private async Task<List<string>> OpenConnectionsAsync() =>
        (await RabbitCtlAsync("list_connections", "-q", "--no-table-headers", "user", "vhost", "pid"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3 && fields[0] == user && fields[1] == vhost)
            .Select(fields => fields[2])
            .ToList();

    private static Task<string> RabbitCtlAsync(params string[] arguments) => RabbitCtlAsync(check: true, arguments);

    private static async Task<string> RabbitCtlAsync(bool check, params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
