using Dispatch.Contracts;
using Dispatch.Server.Screens;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders;
using Dispatch.Server.TaskOrders.Calendar;

namespace Dispatch.Tests.Security;

/// <summary>
/// The visibility policy as a truth table: role × scope × record kind × where the record lies. Each row also holds
/// for what is derived from the policy: the in-memory checks the endpoints call and the hub groups (a push reaches a
/// screen exactly when its user may read the record). <see cref="VisibilityFilterTests"/> holds the stores' SQL to it.
/// </summary>
public sealed class VisibilityTests
{
    /// <summary>Where a record lies, the columns of the table below.</summary>
    public enum Where
    {
        /// <summary>In 云峰街道 (330102007), 上城区 (330102); 云峰's organisation's, 云峰's unit's.</summary>
        Own,

        /// <summary>In another district's street; another organisation's and unit's.</summary>
        Elsewhere,

        /// <summary>No location, so in no area; another organisation's and unit's.</summary>
        Unlocated,

        /// <summary>
        /// On the edge 云峰 shares with a neighbour whose code is lower, so the neighbour holds it and 云峰 (and its
        /// district) share it; another organisation's and unit's. A unit "on the border" serves the neighbour only.
        /// </summary>
        OnBorder,
    }

    private const string District = "330102";
    private const string Street = "330102007";
    private const string Organisation = "CG-YUNFENG";
    private const string Unit = "YF-PC01";

    private static readonly AccessScope Admin = new(Roles.Admin, All: true, []);
    private static readonly AccessScope StreetOperator = new(Roles.Operator, All: false, [Street]);
    private static readonly AccessScope DistrictSupervisor = new(Roles.Supervisor, All: false, [District]);
    private static readonly AccessScope Handler = new(Roles.DepartmentHandler, All: false, [Organisation]);
    private static readonly AccessScope Responder = new(Roles.Responder, All: false, [Unit]);

    /// <summary>
    /// Y = may see, - = may not, for <see cref="Where"/> Own, Elsewhere, Unlocated, OnBorder in that order.
    /// Kinds: incident, triage incident, task order, assignment, unit.
    /// </summary>
    private static readonly (AccessScope Scope, string Incident, string Triage, string TaskOrder, string Assignment, string Unit)[] Table =
    [
        //                      incident triage  order   assign. unit
        (Admin,                 "YYYY", "YYYY", "YYYY", "YYYY", "YYYY"),
        (StreetOperator,        "Y-YY", "Y-YY", "Y-YY", "Y-YY", "Y---"),
        (DistrictSupervisor,    "Y-YY", "Y-YY", "Y-YY", "Y-YY", "Y---"),
        (Handler,               "Y---", "Y---", "Y---", "Y---", "----"),
        (Responder,             "----", "----", "----", "Y---", "Y---"),
    ];

    private static readonly WorkingCalendar Calendar = new(HolidayFile.Embedded());

    /// <summary>Every scope of the table.</summary>
    internal static IEnumerable<AccessScope> Scopes => Table.Select(row => row.Scope);

    public static IEnumerable<TestCaseData> Rows() =>
        from row in Table
        from kind in new[] { RecordKind.Incident, RecordKind.TriageIncident, RecordKind.TaskOrder, RecordKind.Assignment, RecordKind.Unit }
        from at in Enum.GetValues<Where>()
        let column = kind switch
        {
            RecordKind.Incident => row.Incident,
            RecordKind.TriageIncident => row.Triage,
            RecordKind.TaskOrder => row.TaskOrder,
            RecordKind.Assignment => row.Assignment,
            _ => row.Unit,
        }
        select new TestCaseData(row.Scope, kind, at, column[(int)at] == 'Y')
            .SetName($"{row.Scope.Role}({string.Join(",", row.Scope.Codes)}) × {kind} × {at} → {(column[(int)at] == 'Y' ? "sees" : "does not see")}");

    [TestCaseSource(nameof(Rows))]
    public void Policy_MatchesTheTable(AccessScope scope, RecordKind kind, Where where, bool sees)
    {
        Assert.That(Visibility.CanSee(scope, kind, PlaceOf(kind, where)), Is.EqualTo(sees));
    }

    [TestCaseSource(nameof(Rows))]
    public void InMemoryChecksAndHubGroups_AgreeWithTheTable(AccessScope scope, RecordKind kind, Where where, bool sees)
    {
        var incident = IncidentAt(where, kind == RecordKind.TriageIncident);
        var onCommandHub = scope.All || scope.Role is Roles.Operator or Roles.Supervisor;
        var watching = ScreenGroups.ForWatcher(scope);
        bool Reaches(IEnumerable<string> groups) => groups.Intersect(watching).Any();

        switch (kind)
        {
            case RecordKind.Incident or RecordKind.TriageIncident:
                Assert.That(scope.CanSee(incident), Is.EqualTo(sees), "AccessScope.CanSee");
                Assert.That(Reaches(ScreenGroups.ForIncident(incident)), Is.EqualTo(sees && onCommandHub), "command hub push");
                break;
            case RecordKind.TaskOrder:
                var order = OrderOf(incident);
                Assert.That(TaskOrderVisibility.CanSee(scope, order), Is.EqualTo(sees), "TaskOrderVisibility.CanSee");
                Assert.That(TaskOrderGroups.ForOrder(order.ToView(order.IssuedAt)).Intersect(TaskOrderGroups.ForWatcher(scope)).Any(), Is.EqualTo(sees),
                    "desk hub push");
                Assert.That(Reaches(ScreenGroups.ForTaskOrder(order.ToView(order.IssuedAt))), Is.EqualTo(sees && onCommandHub), "command hub push");
                break;
            case RecordKind.Assignment:
                var unit = where == Where.Own ? Unit : "OT-01";
                Assert.That(ScreenGroups.ForResponder(scope).Contains(ScreenGroups.Unit(unit)), Is.EqualTo(sees && scope.Role == Roles.Responder),
                    "responder hub push");
                Assert.That(Reaches(ScreenGroups.ForIncident(incident)), Is.EqualTo(sees && onCommandHub), "command hub push (as its incident's)");
                break;
            default:
                Assert.That(Reaches(ScreenGroups.ForUnit(PlaceOf(RecordKind.Unit, where))), Is.EqualTo(sees && onCommandHub), "command hub push");
                break;
        }
    }

    [Test]
    public void OnBorder_TheSideHoldingTheIncidentSeesItToo()
    {
        var holder = new AccessScope(Roles.Operator, All: false, ["330101001"]);

        Assert.That(holder.CanSee(IncidentAt(Where.OnBorder, triage: false)), Is.True);
        Assert.That(ScreenGroups.ForIncident(IncidentAt(Where.OnBorder, triage: false)),
            Is.SupersetOf(new[] { ScreenGroups.Area("330101001"), ScreenGroups.Area(Street) }), "pushed to both sides");
    }

    private static RecordPlace PlaceOf(RecordKind kind, Where where)
    {
        var incident = IncidentAt(where, kind == RecordKind.TriageIncident);
        return kind switch
        {
            RecordKind.Incident or RecordKind.TriageIncident => RecordPlace.Of(incident),
            RecordKind.TaskOrder => OrderOf(incident).Place,
            RecordKind.Assignment => RecordPlace.OfAssignment(incident, where == Where.Own ? Unit : "OT-01"),
            _ => where switch
            {
                // The areas a unit's organisation answers for: what UnitScope.AreasOf gives (an edge-only neighbour is not among them).
                Where.Own => RecordPlace.OfUnit(Unit, Organisation, [District, Street, "330102007001"]),
                Where.Elsewhere => RecordPlace.OfUnit("OT-01", "CG-OTHER", ["330105", "330105001"]),
                Where.Unlocated => RecordPlace.OfUnit("OT-01", "CG-OTHER", []),
                _ => RecordPlace.OfUnit("OT-01", "CG-OTHER", ["330101", "330101001"]),
            },
        };
    }

    internal static IncidentSummary IncidentAt(Where where, bool triage)
    {
        var jurisdiction = where switch
        {
            Where.Own => new Jurisdiction(new(District, "上城区"), new(Street, "云峰街道"), new("330102007001", "云峰社区"), null, null, false),
            Where.Elsewhere => new Jurisdiction(new("330105", "拱墅区"), new("330105001", "米市巷街道"), null, null, null, false),
            Where.Unlocated => null,
            _ => new Jurisdiction(new("330101", "邻区"), new("330101001", "邻街道"), null, null, null, true, [District, Street]),
        };
        var organisation = new OrganisationRef(where == Where.Own ? Organisation : "CG-OTHER", "城管", OrganisationType.UrbanManagement);
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        return new IncidentSummary(Guid.NewGuid(), now, now, triage ? IncidentStatus.NeedsTriage : IncidentStatus.Open, IncidentKind.NonPolice,
            "noise", "噪音", "夜间施工", null, where == Where.Unlocated ? null : new GeoPoint(120.2, 30.29), 1, Jurisdiction: jurisdiction,
            Routing: new RoutingDecision(triage ? RoutingOutcome.NeedsTriage : RoutingOutcome.Routed, organisation, [], null, []));
    }

    internal static TaskOrder OrderOf(IncidentSummary incident) =>
        TaskOrderIssue.New(incident, TaskOrderSource.HandOver, incident.Routing!.Organisation!, "查处", 5, incident.OpenedAt, "operator", Calendar);
}
