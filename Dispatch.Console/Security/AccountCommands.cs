using System.CommandLine;
using Dispatch.Console.Database;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;

namespace Dispatch.Console.Security;

/// <summary>
/// <c>dispatch users add|list|disable|reset-password|sessions|unlock</c> and <c>dispatch apikeys create|list|revoke</c>, straight
/// on the database (like <c>db migrate</c>): the first admin must exist before anyone can sign in to make others.
/// Every change is audited with the actor <c>cli:&lt;os user&gt;</c>.
/// </summary>
public static class AccountCommands
{
    private static string Actor => "cli:" + Environment.UserName;

    public static Command BuildUsers()
    {
        var users = new Command("users", "People who sign in: add, list, disable, reset passwords.");

        var userName = new Argument<string>("user") { Description = "User name: lower-case letters, digits, '.', '_', '-'." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.People)}.", Required = true };
        var scope = new Option<string?>("--scope") { Description = "Area codes (operators, supervisors; comma-separated), an organisation code (handlers) or a unit code (responders)." };
        var name = new Option<string?>("--name") { Description = "Display name, e.g. 值班指挥员 张三." };
        var newPassword = PasswordOption();
        var add = new Command("add", "Create a user.") { userName, role, scope, name, newPassword };
        add.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
        {
            var password = parse.GetValue(newPassword) ?? GeneratedPassword();
            var errors = AccountService.Validate(parse.GetValue(userName)!, parse.GetValue(role)!, parse.GetValue(scope), password);
            if (errors.Count > 0)
            {
                foreach (var (field, messages) in errors)
                {
                    await error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
                }

                return ExitCodes.Rejected;
            }

            var store = new UserStore(db);
            if (await store.FindAsync(parse.GetValue(userName)!, ct) is not null)
            {
                await error.WriteLineAsync($"user {parse.GetValue(userName)} exists already; use reset-password or disable.");
                return ExitCodes.Rejected;
            }

            var user = await Accounts(db).CreateAsync(parse.GetValue(userName)!, parse.GetValue(name) ?? parse.GetValue(userName)!,
                parse.GetValue(role)!, parse.GetValue(scope), password, Actor, ct);
            await output.WriteLineAsync($"Created {user.UserName} ({user.Role}, scope {user.Scope ?? "—"}).");
            if (parse.GetValue(newPassword) is null)
            {
                await output.WriteLineAsync($"Password (shown once): {password}");
            }

            return ExitCodes.Ok;
        }, ct));

        var list = new Command("list", "List users with role, scope and state.");
        list.SetAction((parse, ct) => WithDatabase(parse, async (db, output, _) =>
        {
            foreach (var u in await new UserStore(db).ListAsync(ct))
            {
                var state = u.Disabled ? "disabled" : "active";
                await output.WriteLineAsync($"{u.UserName,-16} {u.Role,-18} {u.Scope ?? "—",-24} {state}  {u.DisplayName}");
            }

            return ExitCodes.Ok;
        }, ct));

        var disableUser = new Argument<string>("user");
        var disable = new Command("disable", "Stop a user signing in; their sessions end and open screens close within seconds.") { disableUser };
        disable.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
            await Report(await Accounts(db).SetDisabledAsync(parse.GetValue(disableUser)!, true, Actor, ct), parse.GetValue(disableUser)!, "disabled", output, error), ct));

        var resetUser = new Argument<string>("user");
        var resetPassword = PasswordOption();
        var reset = new Command("reset-password", "Give a user a new password; their sessions end.") { resetUser, resetPassword };
        reset.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
        {
            var password = parse.GetValue(resetPassword) ?? GeneratedPassword();
            if (password.Length < AccountService.MinPasswordLength)
            {
                await error.WriteLineAsync($"password must be at least {AccountService.MinPasswordLength} characters.");
                return ExitCodes.Rejected;
            }

            var exit = await Report(await Accounts(db).ResetPasswordAsync(parse.GetValue(resetUser)!, password, Actor, ct), parse.GetValue(resetUser)!, "given a new password", output, error);
            if (exit == ExitCodes.Ok && parse.GetValue(resetPassword) is null)
            {
                await output.WriteLineAsync($"Password (shown once): {password}");
            }

            return exit;
        }, ct));

        var sessionsUser = new Argument<string>("user");
        var revoke = new Option<bool>("--revoke") { Description = "End every open session of the user (their screens close within seconds)." };
        var sessions = new Command("sessions", "List a user's sessions (signed-in browsers); --revoke ends them.") { sessionsUser, revoke };
        sessions.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
        {
            var user = parse.GetValue(sessionsUser)!;
            if (await new UserStore(db).FindAsync(user, ct) is null)
            {
                await error.WriteLineAsync($"no user {user}.");
                return ExitCodes.Rejected;
            }

            var store = new SessionStore(db);
            if (parse.GetValue(revoke))
            {
                var ended = await store.RevokeAllAsync(user, "revoked by an administrator", Actor, DateTimeOffset.UtcNow, ct);
                await output.WriteLineAsync($"Ended {ended} session(s) of {user}.");
                return ExitCodes.Ok;
            }

            foreach (var s in await store.ListAsync(user, ct))
            {
                var state = s.RevokedAt is { } at ? $"ended {at:O}" : "open";
                await output.WriteLineAsync($"{s.IdHash[..12]}  signed in {s.CreatedAt:O}  last seen {s.LastSeenAt:O}  {state,-36} {s.Client ?? ""}");
            }

            return ExitCodes.Ok;
        }, ct));

        var unlockUser = new Argument<string>("user");
        var unlock = new Command("unlock", "Forget a user's failed sign-ins, so they need not wait before the next try.") { unlockUser };
        unlock.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
        {
            var user = parse.GetValue(unlockUser)!;
            if (await new UserStore(db).FindAsync(user, ct) is null)
            {
                await error.WriteLineAsync($"no user {user}.");
                return ExitCodes.Rejected;
            }

            var cleared = await Accounts(db).UnlockAsync(user, ct);
            await output.WriteLineAsync(cleared ? $"{user} unlocked: failed sign-ins forgotten." : $"{user} had no failed sign-ins to forget.");
            return ExitCodes.Ok;
        }, ct));

        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        users.Subcommands.Add(disable);
        users.Subcommands.Add(reset);
        users.Subcommands.Add(sessions);
        users.Subcommands.Add(unlock);
        AddDatabaseOptions(users);
        return users;
    }

    public static Command BuildApiKeys()
    {
        var keys = new Command("apikeys", "API keys for machines (the 110 platform, sensors, grid apps): intake only.");

        var name = new Argument<string>("name") { Description = "Who the key is for, e.g. 110-platform." };
        var create = new Command("create", "Create a key; it is shown once and only its hash is stored.") { name };
        create.SetAction((parse, ct) => WithDatabase(parse, async (db, output, _) =>
        {
            var (key, secret) = await new ApiKeyStore(db).CreateAsync(parse.GetValue(name)!, DateTimeOffset.UtcNow, Actor, ct);
            await output.WriteLineAsync($"Created key {key.Id} for {key.Name}. Send it as X-Api-Key; shown once:");
            await output.WriteLineAsync(secret);
            return ExitCodes.Ok;
        }, ct));

        var list = new Command("list", "List keys (prefix, name, created, revoked).");
        list.SetAction((parse, ct) => WithDatabase(parse, async (db, output, _) =>
        {
            foreach (var k in await new ApiKeyStore(db).ListAsync(ct))
            {
                await output.WriteLineAsync($"{k.Id}  {k.KeyPrefix}…  {k.Name,-24} created {k.CreatedAt:O}  {(k.RevokedAt is { } r ? $"revoked {r:O}" : "active")}");
            }

            return ExitCodes.Ok;
        }, ct));

        var which = new Argument<string>("key") { Description = "The key's id, name or prefix." };
        var revoke = new Command("revoke", "Revoke a key; servers stop accepting it within seconds.") { which };
        revoke.SetAction((parse, ct) => WithDatabase(parse, async (db, output, error) =>
        {
            var revoked = await new ApiKeyStore(db).RevokeAsync(parse.GetValue(which)!, DateTimeOffset.UtcNow, Actor, ct);
            if (revoked.Count == 0)
            {
                await error.WriteLineAsync($"no active key matches {parse.GetValue(which)}.");
                return ExitCodes.Rejected;
            }

            await output.WriteLineAsync($"Revoked {string.Join(", ", revoked.Select(k => $"{k.Name} ({k.Id})"))}.");
            return ExitCodes.Ok;
        }, ct));

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        AddDatabaseOptions(keys);
        return keys;
    }

    private static readonly Option<DatabaseProvider?> ProviderOption = new("--provider")
    {
        Description = "Sqlite, PostgreSql or SqlServer (default: $Database__Provider, else Sqlite).",
        Recursive = true,
    };

    private static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string (default: $ConnectionStrings__Dispatch, else data/dispatch.db).",
        Recursive = true,
    };

    private static void AddDatabaseOptions(Command command)
    {
        command.Options.Add(ProviderOption);
        command.Options.Add(ConnectionOption);
    }

    private static Option<string?> PasswordOption() => new("--new-password")
    {
        Description = $"The password (at least {AccountService.MinPasswordLength} characters); generated and shown once when left out.",
    };

    private static AccountService Accounts(Dispatch.Server.Storage.Database db) => new(new UserStore(db), new SessionStore(db), new SignInThrottleStore(db), TimeProvider.System);

    private static string GeneratedPassword() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))
        .Replace('+', 'x').Replace('/', 'y');

    private static async Task<int> Report(UserAccount? user, string userName, string what, TextWriter output, TextWriter error)
    {
        if (user is null)
        {
            await error.WriteLineAsync($"no user {userName}.");
            return ExitCodes.Rejected;
        }

        await output.WriteLineAsync($"{userName} {what}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> WithDatabase(ParseResult parse, Func<Dispatch.Server.Storage.Database, TextWriter, TextWriter, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        Dispatch.Server.Storage.Database database;
        try
        {
            database = StorageSetup.CreateDatabase(DbCommands.BuildConfiguration(parse.GetValue(ProviderOption), parse.GetValue(ConnectionOption)), Directory.GetCurrentDirectory());
            StorageSetup.RegisterTypeHandlers();
            await new MigrationRunner(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).MigrateAsync(TimeProvider.System, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"cannot open the database: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        return await action(database, output, error);
    }
}
