namespace Dispatch.Tests.Security;

/// <summary>The matrix of <see cref="HostileInputTests"/>: every route, who calls it, its body and query parameters, and where its answers differ.</summary>
public sealed partial class HostileInputTests
{
    private const string UnknownGuid = "00000000-0000-0000-0000-0000000000ee";

    /// <summary>PUT on an unknown code creates: "{}" is then an invalid new entry, not a missing one.</summary>
    private static readonly Dictionary<string, int> PutCreates = new() { ["path:unknown id"] = 400 };

    /// <summary>
    /// A responder reaches its own unit only: an unknown code is "not yours", the same answer as another street's
    /// unit, so that codes cannot be probed.
    /// </summary>
    private static readonly Dictionary<string, int> OnlyOwnUnit = new() { ["path:unknown id"] = 403 };

    /// <summary>West of Greenwich and south of the equator are places, not errors: the answer is "not ours" (200).</summary>
    private static readonly Dictionary<string, int> NegativeCoordinates = new() { ["lon:negative"] = 200, ["lat:negative"] = 200 };

    // Declared before the table, which reads them as it is built.
    /// <summary>The task-order steps read a body without declaring its type: the fields they read, named here.</summary>
    private static readonly RequestSchema StepFields = new("reason", "workingDays", "newDueAt", "reason");

    /// <summary>
    /// Every route: who calls it, whether it reads a JSON body, its query parameters (kind and a valid value, so
    /// that one hostile parameter is all that is wrong), and the answers that differ from the defaults, each with
    /// its reason. Inputs: <see cref="HostileInputs.Bodies"/> for body routes ("body:NAME"), each of
    /// <see cref="HostileInputs.QueryValues"/> in each parameter ("PARAM:NAME"), and "unknown id" where the path has one.
    /// </summary>
    private static readonly Dictionary<string, Surface> Routes = new()
    {
        ["GET /healthz"] = new("anonymous"),
        ["GET /readyz"] = new("anonymous"),
        ["GET /metrics"] = new("admin"),
        ["GET /openapi/{documentName}.json"] = new("anonymous"),
        ["POST /api/auth/login"] = new("anonymous", Json: true)
        {
        },
        ["POST /api/auth/logout"] = new("none"),
        ["GET /api/auth/me"] = new("admin"),
        ["GET /api/auth/antiforgery"] = new("admin"),
        ["POST /api/intake/alerts"] = new("machine", Json: true),
        ["POST /api/intake/grid-events"] = new("machine", Json: true),
        ["GET /api/incidents"] = new("admin", Query: new()
        {
            // Valid values all (a text filter's hostile value is a question, 200, only beside valid others).
            ["status"] = (QueryKind.Choice, "Closed"), ["from"] = (QueryKind.Time, "2025-10-01T00:00:00Z"), ["to"] = (QueryKind.Time, "2099-10-31T00:00:00Z"),
            ["page"] = (QueryKind.Number, "1"), ["pageSize"] = (QueryKind.Number, "20"), ["kind"] = (QueryKind.Choice, null),
            ["category"] = (QueryKind.Text, null), ["community"] = (QueryKind.Text, null), ["organisation"] = (QueryKind.Text, null),
            ["q"] = (QueryKind.Text, null),
        }),
        ["GET /api/incidents/{id}"] = new("admin"),
        ["GET /api/incidents/open"] = new("admin"),
        ["GET /api/alarms"] = new("admin"),
        ["POST /api/alarms/{id}/acknowledge"] = new("operator"),
        ["POST /api/alarms/acknowledge-all"] = new("operator"),
        ["GET /api/triage"] = new("admin", Query: new() { ["page"] = (QueryKind.Number, "1"), ["pageSize"] = (QueryKind.Number, "20") }),
        ["POST /api/incidents/{id}/route"] = new("operator", Json: true) { Valid = """{"organisationCode":"CG-YUNFENG","reason":"归城管"}""" },
        ["POST /api/incidents/{id}/reclassify"] = new("operator", Json: true) { Valid = """{"categoryCode":"noise","reason":"改类"}""" },
        ["POST /api/incidents/{id}/address"] = new("operator", Json: true) { Valid = """{"addressId":"A-1","reason":"选址"}""" },
        ["POST /api/incidents/{id}/return"] = new("handler", Json: true) { Valid = """{"reason":"不归我们"}""" },
        ["GET /api/catalogue/categories"] = new("admin"),
        ["GET /api/catalogue/categories/{code}"] = new("admin"),
        ["PUT /api/catalogue/categories/{code}"] = new("admin", Json: true) { Except = PutCreates },
        ["POST /api/catalogue/classify"] = new("admin", Json: true),
        ["GET /api/catalogue/model"] = new("admin"),
        ["GET /api/catalogue/corrections"] = new("admin", Query: new() { ["since"] = (QueryKind.Time, "2025-10-01") }),
        ["GET /api/geo/locate"] = new("admin", Query: new()
        {
            ["lon"] = (QueryKind.Number, "120.215"), ["lat"] = (QueryKind.Number, "30.29"), ["crs"] = (QueryKind.Choice, "wgs84"),
        })
        {
            Except = NegativeCoordinates,
        },
        ["GET /api/geo/areas"] = new("admin", Query: new() { ["level"] = (QueryKind.Choice, "grid") }),
        ["GET /api/geo/map"] = new("admin"),
        ["POST /api/geo/areas/import"] = new("admin", Json: true, Query: new()
        {
            ["level"] = (QueryKind.Choice, "grid"), ["codeProp"] = (QueryKind.Text, "code"), ["nameProp"] = (QueryKind.Text, "name"),
            ["parentProp"] = (QueryKind.Text, null), ["crs"] = (QueryKind.Choice, "wgs84"), ["skipInvalid"] = (QueryKind.Choice, "false"),
        })
        {
            // Any text names a property, but "{}" is no FeatureCollection: an odd name reaches the body check, which
            // refuses it. (A real FeatureCollection here would replace the grid.)
            Except = new[] { "codeProp", "nameProp", "parentProp" }
                .SelectMany(p => HostileInputs.QueryValues.Where(v => HostileInputs.Expected(QueryKind.Text, v.Name) == 200).Select(v => $"{p}:{v.Name}"))
                .ToDictionary(input => input, _ => 400),
        },
        ["POST /api/geo/addresses/import"] = new("admin", Json: true, Query: new()
        {
            ["crs"] = (QueryKind.Choice, "wgs84"), ["skipInvalid"] = (QueryKind.Choice, "false"),
        }),
        ["GET /api/geo/addresses"] = new("operator", Query: new() { ["q"] = (QueryKind.Text, "文一路"), ["limit"] = (QueryKind.Number, "5") }),
        ["GET /api/geo/addresses/match"] = new("operator", Query: new() { ["text"] = (QueryKind.Text, "文一路") }),
        ["GET /api/units"] = new("admin", Query: new() { ["organisation"] = (QueryKind.Text, "CG-YUNFENG"), ["kind"] = (QueryKind.Choice, null) }),
        ["GET /api/units/nearest"] = new("admin", Query: new()
        {
            ["lon"] = (QueryKind.Number, "120.215"), ["lat"] = (QueryKind.Number, "30.29"), ["crs"] = (QueryKind.Choice, "wgs84"),
            ["organisation"] = (QueryKind.Text, null), ["kind"] = (QueryKind.Choice, null), ["limit"] = (QueryKind.Number, "3"),
        })
        {
            Except = NegativeCoordinates,
        },
        ["GET /api/units/mine"] = new("responder"),
        ["GET /api/units/{code}"] = new("admin"),
        ["PUT /api/units/{code}"] = new("admin", Json: true) { Except = PutCreates },
        ["POST /api/units/{code}/location"] = new("responder", Json: true) { Except = OnlyOwnUnit, Valid = """{"lon":120.215,"lat":30.29}""" },
        ["POST /api/units/{code}/duty"] = new("responder", Json: true) { Except = OnlyOwnUnit, Valid = """{"onDuty":true}""" },
        ["GET /api/incidents/{id}/recommendations"] = new("admin", Query: new() { ["limit"] = (QueryKind.Number, "3") }),
        ["POST /api/incidents/{id}/dispatch"] = new("operator", Json: true) { Valid = """{"units":[{"code":"YF-PC01"}]}""" },
        ["GET /api/incidents/{id}/caller-phones"] = new("operator"),
        ["POST /api/incidents/{id}/reinforcements"] = new("operator", Json: true) { Valid = """{"reason":"需要增援"}""" },
        ["POST /api/incidents/{id}/resolve"] = new("operator", Json: true) { Valid = """{"result":"已处理"}""" },
        ["POST /api/incidents/{id}/hand-over"] = new("operator", Json: true) { Valid = """{"organisationCode":"CG-YUNFENG","instructions":"请处理"}""" },
        ["POST /api/incidents/{id}/linkages"] = new("operator", Json: true) { Valid = """{"service":"Fire","externalReference":"F-1"}""" },
        ["GET /api/assignments/mine"] = new("responder"),
        ["GET /api/assignments/{id}"] = new("operator"),
        ["POST /api/assignments/{id}/acknowledge"] = new("operator"),
        ["POST /api/assignments/{id}/en-route"] = new("operator"),
        ["POST /api/assignments/{id}/on-scene"] = new("operator"),
        ["POST /api/assignments/{id}/clear"] = new("operator"),
        ["POST /api/assignments/{id}/decline"] = new("operator", Json: true) { Valid = """{"reason":"车辆故障"}""" },
        ["GET /api/organisations"] = new("admin", Query: new() { ["type"] = (QueryKind.Choice, null) }),
        ["GET /api/organisations/{code}"] = new("admin"),
        ["PUT /api/organisations/{code}"] = new("admin", Json: true) { Except = PutCreates },
        ["GET /api/calendar/status"] = new("admin"),
        ["GET /api/calendar/due"] = new("admin", Query: new()
        {
            ["issued"] = (QueryKind.Time, "2026-12-01T09:00:00+08:00"), ["workingDays"] = (QueryKind.Number, "3"),
        }),
        ["GET /api/calendar/years"] = new("admin"),
        ["GET /api/calendar/years/{year}"] = new("admin"),
        ["POST /api/calendar/years"] = new("admin", Json: true),
        ["GET /api/task-orders"] = new("admin", Query: new()
        {
            ["status"] = (QueryKind.Choice, null), ["organisation"] = (QueryKind.Text, null), ["overdue"] = (QueryKind.Choice, null),
        }),
        ["POST /api/task-orders"] = new("operator", Json: true),
        ["GET /api/task-orders/{id}"] = new("admin"),
        ["POST /api/task-orders/{id}/accept"] = new("handler"),
        ["POST /api/task-orders/{id}/complete"] = new("handler", Json: true) { Fields = StepFields, Valid = """{"result":"已办结"}""" },
        ["POST /api/task-orders/{id}/return"] = new("handler", Json: true) { Fields = StepFields, Valid = """{"reason":"非本单位职责"}""" },
        ["POST /api/task-orders/{id}/request-delay"] = new("handler", Json: true) { Fields = StepFields, Valid = """{"reason":"需要时间","newDueAt":"2026-12-20T10:00:00+08:00"}""" },
        ["POST /api/task-orders/{id}/approve-delay"] = new("supervisor"),
        ["POST /api/task-orders/{id}/reject-delay"] = new("supervisor", Json: true) { Fields = StepFields, Valid = """{"reason":"不同意"}""" },
        ["POST /api/task-orders/{id}/evaluate"] = new("operator", Json: true) { Fields = StepFields, Valid = """{"rating":"满意"}""" },
        ["POST /api/task-orders/{id}/reopen"] = new("operator", Json: true) { Fields = StepFields, Valid = """{"reason":"返工"}""" },
        ["POST /api/task-orders/{id}/close"] = new("operator"),
        ["POST /api/task-orders/{id}/reassign"] = new("operator", Json: true) { Fields = StepFields, Valid = """{"organisationCode":"CG-YUNFENG","reason":"改派"}""" },
        ["GET /api/assessment"] = new("admin", Query: new()
        {
            ["from"] = (QueryKind.Time, "2025-10-01"), ["to"] = (QueryKind.Time, "2025-10-31"),
            ["groupBy"] = (QueryKind.Choice, "organisation"), ["format"] = (QueryKind.Choice, "json"),
        }),
        ["GET /api/audit/breaches"] = new("admin", Query: new()
        {
            ["from"] = (QueryKind.Time, "2025-10-01"), ["to"] = (QueryKind.Time, "2025-10-31"), ["kind"] = (QueryKind.Choice, null),
            ["organisation"] = (QueryKind.Text, null), ["street"] = (QueryKind.Text, null), ["format"] = (QueryKind.Choice, null),
        }),
    };

    /// <summary>
    /// A route as the matrix sees it. <paramref name="Query"/>: each parameter's kind and a valid value (null: left
    /// out unless it is the one under test). <see cref="Except"/>: input → status where the route differs from the
    /// default, with a comment saying why.
    /// </summary>
    private sealed record Surface(string Caller, bool Json = false, Dictionary<string, (QueryKind Kind, string? Valid)>? Query = null)
    {
        public Dictionary<string, int>? Except { get; init; }

        public RequestSchema? Fields { get; init; }

        /// <summary>A valid body, sent with an unknown id.</summary>
        public string? Valid { get; init; }
    }
}
