using System.Security.Cryptography;
using Dispatch.Server.Security;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Demo;

/// <summary>
/// On the embedded defaults (<c>Demo:Seed</c>), the first start creates one user per role and an API key, so a
/// newcomer can try every screen. Production sets no <c>Demo:Seed</c> and gets no default account.
/// </summary>
public sealed class DemoAccountsSeeder(
    IOptions<DemoOptions> demo, UserStore users, AccountService accounts, ApiKeyStore keys, TimeProvider clock, ILogger<DemoAccountsSeeder> logger)
    : IHostedService
{
    /// <summary>The demo accounts: user name, display name, role, scope (codes of the demo street's data).</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Scope)> Accounts =
    [
        ("operator", "值班指挥员", Roles.Operator, "330102007"),
        ("responder", "巡逻民警", Roles.Responder, "YF-PC01"),
        ("handler", "城管中队", Roles.DepartmentHandler, "CG-YUNFENG"),
        ("supervisor", "督查员", Roles.Supervisor, "330102"),
        ("admin", "系统管理员", Roles.Admin, null),
    ];

    public const string DemoKeyName = "demo-110-platform";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = demo.Value;
        if (!options.Seed || await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var password = string.IsNullOrEmpty(options.Password) ? Random("", 12) : options.Password;
        foreach (var (userName, displayName, role, scope) in Accounts)
        {
            await accounts.CreateAsync(userName, displayName, role, scope, password, "system", cancellationToken);
        }

        var (_, secret) = string.IsNullOrEmpty(options.ApiKey)
            ? await keys.CreateAsync(DemoKeyName, clock.GetUtcNow(), "system", cancellationToken)
            : await keys.CreateAsync(DemoKeyName, options.ApiKey, clock.GetUtcNow(), "system", cancellationToken);

        logger.LogWarning("Demo accounts created: {UserNames}", string.Join(", ", Accounts.Select(a => a.UserName)));
        if (string.IsNullOrEmpty(options.Password) || string.IsNullOrEmpty(options.ApiKey))
        {
            // Printed once, to the console only and not into the log pipeline: they are secrets.
            System.Console.WriteLine();
            System.Console.WriteLine("  演示账号 Demo accounts (shown once): " + string.Join(", ", Accounts.Select(a => a.UserName)));
            System.Console.WriteLine("  密码 Password: " + (string.IsNullOrEmpty(options.Password) ? password : "(Demo:Password)"));
            System.Console.WriteLine("  API key (X-Api-Key): " + (string.IsNullOrEmpty(options.ApiKey) ? secret : "(Demo:ApiKey)"));
            System.Console.WriteLine();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Random(string prefix, int length)
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return prefix + new string(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
    }
}
