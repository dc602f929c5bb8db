using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Tests.Support;

/// <summary>
/// The real server, in process, on a given database and bus, optionally on a real port (for a browser or a
/// WebSocket client) and with a clock the test moves.
/// </summary>
/// (Any type of the server assembly locates its entry point; <c>Program</c> is ambiguous with the CLI's.)
public sealed class DispatchApp : WebApplicationFactory<Dispatch.Server.Storage.Database>
{
    private readonly Dictionary<string, string> settings;
    private readonly TimeProvider? clock;

    public DispatchApp(TestDatabase database, Uri? rabbitMq = null, TimeProvider? clock = null, IDictionary<string, string>? extra = null)
    {
        this.clock = clock;
        settings = new Dictionary<string, string>(database.Settings)
        {
            ["Bus:Transport"] = rabbitMq is null ? "InMemory" : "RabbitMq",

            // The Development settings turn demo seeding on; a test server starts empty unless the test asks.
            ["Demo:Seed"] = "false",

            // Likewise the live demo feed: it would add incidents and move units under every test.
            ["Demo:Feed"] = "false",
        };
        if (rabbitMq is not null)
        {
            foreach (var (key, value) in RabbitSettings(rabbitMq))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    /// <summary>Bus settings for an amqp:// URI whose path is the virtual host.</summary>
    public static IEnumerable<KeyValuePair<string, string>> RabbitSettings(Uri uri)
    {
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = Uri.UnescapeDataString(uri.UserInfo.Split(':').ElementAtOrDefault(1) ?? "");
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        yield return new("Bus:RabbitMq:Host", uri.Host);
        yield return new("Bus:RabbitMq:Port", (uri.IsDefaultPort ? 5672 : uri.Port).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Bus:RabbitMq:VirtualHost", vhost.Length == 0 ? "/" : vhost);
        yield return new("Bus:RabbitMq:Username", user);
        yield return new("Bus:RabbitMq:Password", password);
    }

    /// <summary>Starts Kestrel on a free port and returns its address, for clients outside the process.</summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}
