using System.Collections.Concurrent;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Incidents;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Support;

/// <summary>
/// A centre installed as an installer would: on an empty PostgreSQL database the schema, the first admin and the 110
/// platform's key with the CLI; then the server as its own process in Production on PostgreSQL and RabbitMQ with
/// nothing but its connections configured (so nothing is seeded); then, through the server as that admin, the
/// jurisdiction layers, organisations and units of <c>infra/geo</c>; people are added with the CLI on the database.
/// The steps are separate so that a test can look at the state between them.
/// </summary>
public sealed class ProductionInstall : IAsyncDisposable
{
    public const string AdminUser = "admin-li";
    public const string AdminPassword = "install-admin-secret-1";

    /// <summary>The street of <c>infra/geo</c> the screen tests work in (云峰街道).</summary>
    public const string Street = "330102007";

    private static readonly ConcurrentDictionary<string, (double Lon, double Lat)> GridPoints = new(StringComparer.Ordinal);

    private ServerProcess? server;

    private ProductionInstall(TestDatabase db, string platformKey)
    {
        Db = db;
        PlatformKey = platformKey;
    }

    public TestDatabase Db { get; }

    /// <summary>The 110 platform's API key, as <c>dispatch apikeys create</c> printed it.</summary>
    public string PlatformKey { get; }

    /// <summary>The server, once <see cref="StartServerAsync"/> has run.</summary>
    public ServerProcess Server => server ?? throw new InvalidOperationException("Start the server first.");

    /// <summary>The CLI's arguments naming the database.</summary>
    public string[] DatabaseArgs => DatabaseArgsOf(Db);

    /// <summary>The CLI's arguments naming the server and the admin; each command signs in once.</summary>
    public string[] AdminArgs => ["--server", Server.Address.ToString(), "--user", AdminUser, "--password", AdminPassword];

    /// <summary>Step 1, on the database before the server runs: the schema, the first admin, the 110 platform's key.</summary>
    public static async Task<ProductionInstall> OnNewDatabaseAsync()
    {
        var db = await TestDatabase.CreateAsync("PostgreSql");
        try
        {
            var database = DatabaseArgsOf(db);
            await CliAsync(["db", "migrate", .. database]);
            await CliAsync(["users", "add", AdminUser, "--role", "Admin", "--name", "系统管理员 李", "--new-password", AdminPassword, .. database]);
            var keyText = await CliAsync(["apikeys", "create", "110-platform", .. database]);
            return new ProductionInstall(db, keyText.Trim().Split('\n')[^1].Trim());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Steps 1 to 3 and one operator of <see cref="Street"/>: where a screen test starts. <paramref name="settings"/>
    /// as for <see cref="StartServerAsync"/>.
    /// </summary>
    public static async Task<ProductionInstall> WithOperatorAsync(string userName, string displayName, string password,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var install = await OnNewDatabaseAsync();
        try
        {
            await install.StartServerAsync(settings);
            await install.ImportReferenceDataAsync();
            await install.AddUserAsync(userName, "Operator", Street, displayName, password);
            return install;
        }
        catch
        {
            await install.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Step 2: the server in Production, on PostgreSQL and RabbitMQ (<see cref="TestEnvironment.RabbitMq"/>), with
    /// <paramref name="extra"/> settings a centre would choose (none are needed).
    /// </summary>
    public async Task StartServerAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(Db.Settings) { ["Bus:Transport"] = "RabbitMq" };
        foreach (var (name, value) in DispatchApp.RabbitSettings(TestEnvironment.RabbitMq))
        {
            settings[name] = value;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        server = new ServerProcess(settings);
        await server.StartAsync();
    }

    /// <summary>
    /// Step 3, through the server as the admin: the jurisdiction layers, the 24 organisations and the 24 units of
    /// <c>infra/geo</c>. Seven commands, so seven sign-ins from this address (logins are limited to 10 a minute).
    /// </summary>
    public async Task ImportReferenceDataAsync()
    {
        foreach (var (file, level, parent) in new[]
        {
            ("district.geojson", "district", null), ("street.geojson", "street", "parent"), ("communities.geojson", "community", "parent"),
            ("grids.geojson", "grid", "parent"), ("precincts.geojson", "precinct", (string?)null),
        })
        {
            string[] parentProp = parent is null ? [] : ["--parent-prop", parent];
            await CliAsync(["geo", "import", TestEnvironment.RepoFile($"infra/geo/{file}"), "--level", level, "--code-prop", "code", "--name-prop", "name", .. parentProp, .. AdminArgs]);
        }

        Assert.That(await CliAsync(["organisations", "import", TestEnvironment.RepoFile("infra/geo/organisations.json"), .. AdminArgs]), Does.Contain("(24 created, 0 replaced)"));
        Assert.That(await CliAsync(["units", "import", TestEnvironment.RepoFile("infra/geo/units.json"), .. AdminArgs]), Does.Contain("(24 created, 0 replaced)"));
    }

    /// <summary>A point inside a grid of <c>infra/geo/grids.geojson</c>, the file the installer imports (WGS-84).</summary>
    public static (double Lon, double Lat) PointInGrid(string gridCode) => GridPoints.GetOrAdd(gridCode, ReadPointInGrid);

    private static (double Lon, double Lat) ReadPointInGrid(string gridCode)
    {
        var grids = GeoJsonAreaReader.Read(File.ReadAllText(TestEnvironment.RepoFile("infra/geo/grids.geojson")),
            new AreaImportOptions(AreaLevel.Grid, "code", "name", "parent", CoordinateSystem.Wgs84));
        var inside = grids.Areas.Single(a => a.Area.Code == gridCode).Area.Geometry.InteriorPoint;
        return (inside.X, inside.Y);
    }

    /// <summary>A person, added with the CLI on the database as an installer does: role, scope (area, unit or organisation code), name.</summary>
    public Task AddUserAsync(string userName, string role, string scope, string displayName, string password) =>
        CliAsync(["users", "add", userName, "--role", role, "--scope", scope, "--name", displayName, "--new-password", password, .. DatabaseArgs]);

    /// <summary>
    /// An incident as a shift left it, written through the incident store the server reads (opened from a 110 alert
    /// in <see cref="Street"/>, at a point of <see cref="SeededIncident.Grid"/>); answers its id.
    /// </summary>
    public async Task<Guid> SeedIncidentAsync(SeededIncident seed)
    {
        var id = Guid.NewGuid();
        var (lon, lat) = PointInGrid(seed.Grid);
        var location = new GeoPoint(lon, lat);
        var where = new Jurisdiction(null, new AreaRef(Street, "云峰街道"), seed.Community, null, null, false);
        var incident = new IncidentSummary(id, seed.ReceivedAt, seed.ReceivedAt.AddSeconds(1), seed.Status, IncidentKind.Police, seed.Category,
            seed.CategoryName, seed.Description, seed.Address, location, 1, Jurisdiction: where);
        var alert = new StoredAlert($"seed-{id:N}", seed.ReceivedAt, seed.Category, seed.Description, seed.Address, location, seed.Phone, "http",
            seed.ReceivedAt.AddSeconds(1));
        await new IncidentStore(Db.Database).OpenFromAlertAsync(incident, alert, CancellationToken.None);
        return id;
    }

    private static string[] DatabaseArgsOf(TestDatabase db) => ["--provider", "PostgreSql", "--connection", db.ConnectionString];

    /// <summary>Runs a command line in-process; it must succeed. Answers what it printed.</summary>
    public static async Task<string> CliAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Cli.RunAsync(args, output, error);
        Assert.That(exitCode, Is.EqualTo(0), $"dispatch {string.Join(' ', args.Where(a => !a.Contains("secret", StringComparison.Ordinal)))}:\n{output}{error}");
        return output.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        await Db.DisposeAsync();
    }
}

/// <summary>What <see cref="ProductionInstall.SeedIncidentAsync"/> writes: by default a fire at 云峰路1号 in grid 330102007001001.</summary>
public sealed record SeededIncident(string Description, DateTimeOffset ReceivedAt, IncidentStatus Status)
{
    public string Category { get; init; } = "fire";
    public string CategoryName { get; init; } = "火灾";
    public string? Address { get; init; } = "云峰路1号";
    public string? Phone { get; init; }
    public string Grid { get; init; } = "330102007001001";
    public AreaRef? Community { get; init; }
}
