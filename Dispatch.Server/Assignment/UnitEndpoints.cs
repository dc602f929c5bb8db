using System.Security.Claims;
using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Organisations;
using MassTransit;
using Microsoft.Extensions.Options;
using Dispatch.Server.Security;

namespace Dispatch.Server.Assignment;

/// <summary>A position report as sent to <c>POST /api/units/{code}/location</c>; all text or nullable so each bad field can be named.</summary>
public sealed class UnitPositionSubmission
{
    public double? Lon { get; set; }
    public double? Lat { get; set; }

    /// <summary><c>wgs84</c> (default), <c>gcj02</c> or <c>bd09</c>.</summary>
    public string? Crs { get; set; }

    /// <summary>When the position was taken, ISO-8601 with an offset; the server's time if absent.</summary>
    public string? At { get; set; }

    /// <summary>The device's accuracy radius in metres.</summary>
    public double? Accuracy { get; set; }
}

/// <summary>What the position endpoint answers once the report is on the bus.</summary>
public sealed record UnitPositionAccepted(string UnitCode, GeoPoint Position, DateTimeOffset At);

/// <summary>A unit as <c>GET /api/units</c> shows it: the summary plus how old its position is.</summary>
public sealed record UnitView(
    string Code, string Name, string Organisation, UnitKind Kind, GeoPoint? Position, DateTimeOffset? PositionAt,
    double? AccuracyMetres, double? AgeSeconds, bool Stale, UnitStatus Status = UnitStatus.Available, Guid? CurrentIncidentId = null);

/// <summary>One row of <c>GET /api/units/nearest</c>.</summary>
public sealed record NearestUnit(
    string Code, string Name, string Organisation, UnitKind Kind, GeoPoint Position, DateTimeOffset PositionAt,
    double DistanceMetres, double EtaSeconds, bool Stale);

/// <summary>The ranking for a point (echoed in WGS-84).</summary>
public sealed record NearestUnits(GeoPoint Point, IReadOnlyList<NearestUnit> Units);

/// <summary>Units, their positions and the nearest-unit ranking.</summary>
public static class UnitEndpoints
{
    public const long MaxBodyBytes = 4 * 1024;
    public const int DefaultLimit = 5;
    public const int MaxLimit = 50;
    public const int MaxCodeLength = 32;

    /// <summary>A radius beyond this is not a position worth storing.</summary>
    public const double MaxAccuracyMetres = 10_000;

    private const string InvalidTitle = "位置上报有误 / Invalid position report";
    private const string InvalidQueryTitle = "查询参数有误 / Invalid query";

    /// <summary>
    /// Validates, checks the unit exists and that the position lies within its organisation's areas plus
    /// <c>Units:PositionMarginMetres</c> (else 400 saying how far out it is), publishes <see cref="UnitPositionReported"/> and answers 202: phones and
    /// AVL boxes report often and need no answer beyond "taken", and the consumer that stores reports is the one
    /// place that orders them, whether they came over HTTP or straight over the bus.
    /// </summary>
    public static async Task<IResult> ReportPosition(
        string code, HttpRequest request, ClaimsPrincipal user, UnitStore store, UnitScope unitScope, IOptions<UnitOptions> options,
        IPublishEndpoint bus, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // A responder reports for their own unit only; trackers (API keys) for any.
        var scope = AccessScope.Of(user);
        if (scope.Role == Roles.Responder && !scope.IsOrganisation(code))
        {
            return TypedResults.Problem(title: "无权上报 / Not your unit", statusCode: StatusCodes.Status403Forbidden,
                detail: $"You report positions for unit {string.Join(",", scope.Codes)} only.");
        }

        var (submission, problem) = await JsonBody.ReadAsync<UnitPositionSubmission>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        if (submission is null)
        {
            Fail("body", "请求体为空 / The request body is empty: send {\"lon\":…,\"lat\":…} as JSON.");
            return Problems.Invalid(errors, InvalidTitle);
        }

        var position = PositionRules.Point(submission.Lon, submission.Lat, submission.Crs, PositionRules.AnyCrs, Fail);
        var at = now;
        if (submission.At is { } atText && !OffsetTime.TryParse(atText, out at))
        {
            Fail("at", OffsetTime.Refusal("at", atText));
        }
        else if (PositionRules.IsAhead(at, now))
        {
            Fail("at", $"at {at:O} is in the future (server time {now:O}); check the device's clock.");
        }

        if (submission.Accuracy is { } accuracy && (!double.IsFinite(accuracy) || accuracy < 0 || accuracy > MaxAccuracyMetres))
        {
            Fail("accuracy", $"accuracy must be a radius in metres from 0 to {MaxAccuracyMetres:0}.");
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, InvalidTitle);
        }

        if (code.Length > MaxCodeLength || await store.GetAsync(code, cancellationToken) is not { } unit)
        {
            return Problems.NotFound($"Unit '{code}' (处置力量)");
        }

        // A unit works in its organisation's areas: a report from far outside them is a wrong fix or a forged one.
        var margin = options.Value.PositionMarginMetres;
        if (unitScope.MetresOutside(unit.Unit.Organisation, position!) is { } outside && outside > margin)
        {
            var why = FormattableString.Invariant(
                $"位置超出辖区 / The position ({position!.Lon:0.######}, {position.Lat:0.######}) is {outside / 1000:0.#} km outside the areas that unit {code}'s organisation {unit.Unit.Organisation} serves; at most {margin / 1000:0.#} km is accepted. Check the device's position and datum (crs).");
            Fail("lon", why);
            Fail("lat", why);
            return Problems.Invalid(errors, InvalidTitle);
        }

        var message = new UnitPositionReported(code, position!, at, submission.Accuracy);
        var logger = loggers.CreateLogger(typeof(UnitEndpoints));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(BusPublisher.Timeout);
            await bus.Publish(message, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Position of unit {UnitCode} could not be put on the bus", code);
            return Problems.BusUnavailable();
        }

        return TypedResults.Accepted($"/api/units/{Uri.EscapeDataString(code)}", new UnitPositionAccepted(code, message.Position, at));
    }

    /// <summary>
    /// Creates (201) or replaces (200) a unit's name, organisation and kind, audited as <c>unit.updated</c>; its
    /// position and status stay its own. Screens hear of it as any unit change.
    /// </summary>
    public static async Task<IResult> Put(
        string code, HttpContext http, UnitStore store, OrganisationStore organisations, IPublishEndpoint bus, TimeProvider clock,
        IOptions<UnitOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (edit, problem) = await JsonBody.ReadAsync<UnitEdit>(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (unit, errors) = UnitValidator.Validate(code, edit);
        var organisation = edit?.Organisation?.Trim();
        if (!errors.ContainsKey("organisation") && organisation is { Length: > 0 } && await organisations.GetAsync(organisation, cancellationToken) is null)
        {
            // Units are dispatched for their organisation: one nobody can route work to would never be used.
            errors["organisation"] = [$"organisation '{organisation}' does not exist; create it first (PUT /api/organisations/{organisation})."];
        }

        if (unit is null || errors.Count > 0)
        {
            return Problems.Invalid(errors, "处置力量数据有误 / The unit has invalid fields");
        }

        var actor = Actors.NameOf(http.User);
        var (created, stored) = await store.SaveAsync(unit, actor, http.User.FindFirstValue(ClaimTypes.Role), clock.GetUtcNow(), cancellationToken);
        await bus.Publish(new UnitChanged(stored.Unit, "details"), cancellationToken);
        loggers.CreateLogger(typeof(UnitEndpoints)).LogInformation(
            "Unit {UnitCode} {UnitChange} by {Actor}", unit.Code, created ? "created" : "replaced", actor);

        var view = View(stored, clock.GetUtcNow(), options.Value);
        return created ? TypedResults.Created($"/api/units/{Uri.EscapeDataString(unit.Code)}", view) : TypedResults.Ok(view);
    }

    /// <summary>The units the user's scope reaches (see <see cref="UnitScope"/>), by code.</summary>
    public static async Task<IResult> List(
        string? organisation, string? kind, ClaimsPrincipal user, UnitStore store, AssignmentStore assignments, UnitScope unitScope, IOptions<UnitOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kindFilter = StrictEnum.Optional<UnitKind>(kind, "kind", (field, message) => errors[field] = [message]);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, InvalidQueryTitle);
        }

        var scope = AccessScope.Of(user);
        var units = await store.ListAsync(Blank(organisation), kindFilter, dialect => unitScope.Filter(scope, dialect), cancellationToken);
        var working = await assignments.CurrentIncidentsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(units.Select(u => View(u, now, options.Value) with { CurrentIncidentId = working.TryGetValue(u.Unit.Code, out var at) ? at : null }).ToList());
    }

    /// <summary>One unit; outside the user's scope it does not exist for them (404), as for incidents.</summary>
    public static async Task<IResult> Get(
        string code, ClaimsPrincipal user, UnitStore store, UnitScope unitScope, IOptions<UnitOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var unit = code.Length > MaxCodeLength ? null : await store.GetAsync(code, cancellationToken);
        return unit is null || !unitScope.CanSee(AccessScope.Of(user), unit.Unit)
            ? Problems.NotFound($"Unit '{code}' (处置力量)")
            : TypedResults.Ok(View(unit, clock.GetUtcNow(), options.Value));
    }

    /// <summary>The signed-in responder's own unit(s): their phone shows whether they are on duty.</summary>
    public static async Task<IResult> Mine(
        ClaimsPrincipal user, UnitStore store, IOptions<UnitOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = new List<UnitView>();
        foreach (var code in AccessScope.Of(user).Codes)
        {
            if (await store.GetAsync(code, cancellationToken) is { } unit)
            {
                mine.Add(View(unit, now, options.Value));
            }
        }

        return TypedResults.Ok(mine);
    }

    /// <summary>Ranks the units in the user's scope, of an optional organisation and kind, by how soon they could reach the point.</summary>
    public static async Task<IResult> Nearest(
        string? lon, string? lat, string? crs, string? organisation, string? kind, string? limit, ClaimsPrincipal user,
        UnitStore store, UnitScope unitScope, IOptions<UnitOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        var point = PositionRules.Point(lon, lat, crs, PositionRules.AnyCrs, Fail);
        var kindFilter = StrictEnum.Optional<UnitKind>(kind, "kind", Fail);
        var take = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1 || take > MaxLimit))
        {
            Fail("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, InvalidQueryTitle);
        }

        var scope = AccessScope.Of(user);
        var visible = await store.ListAsync(Blank(organisation), kindFilter, dialect => unitScope.Filter(scope, dialect), cancellationToken);
        var ranked = UnitRanking.Rank(point!, visible.Select(u => u.Unit), clock.GetUtcNow(), options.Value, take);
        return TypedResults.Ok(new NearestUnits(point!, ranked.Select(r => new NearestUnit(
            r.Unit.Code, r.Unit.Name, r.Unit.Organisation, r.Unit.Kind, r.Unit.Position!, r.Unit.PositionAt!.Value,
            Math.Round(r.DistanceMetres, 1), Math.Round(r.Eta.TotalSeconds), r.Stale)).ToList()));
    }

    private static UnitView View(StoredUnit stored, DateTimeOffset now, UnitOptions options)
    {
        var u = stored.Unit;
        TimeSpan? age = u.PositionAt is { } at ? now - at : null;
        return new UnitView(u.Code, u.Name, u.Organisation, u.Kind, u.Position, u.PositionAt, stored.AccuracyMetres,
            age is { } a ? Math.Round(a.TotalSeconds) : null, age is null || age > options.StaleAfter, u.Status);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
