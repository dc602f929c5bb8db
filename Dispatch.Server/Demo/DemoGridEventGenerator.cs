using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Server.Intake;

namespace Dispatch.Server.Demo;

/// <summary>A grid of the demo street with a point inside it (WGS-84).</summary>
public sealed record DemoGrid(string Code, string Name, double Lon, double Lat)
{
    /// <summary>The community (社区) code: the grid code without its last three digits.</summary>
    public string CommunityCode => Code[..^3];
}

/// <summary>
/// Invents grid events (网格事件) in the demo street 云峰街道: grid members' patrol reports, residents' reports from
/// the mini-program and IoT sensor alarms (高空抛物 cameras, smoke detectors, EV charging points). Pure and seeded
/// like <see cref="DemoAlertGenerator"/>: the same seed and run id give the same events; the run id keeps event
/// ids of different runs apart. Not thread-safe.
/// </summary>
public sealed class DemoGridEventGenerator
{
    public const double SensorShare = 0.20;
    public const double ResidentShare = 0.15;
    public const double MinorShare = 0.50;
    public const double MajorShare = 0.35;

    public const string PhotoHost = "https://photos.example.invalid/grid/";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly Random random;
    private readonly List<(string Code, DemoGrid[] Grids)> gridMembers;
    private int sequence;

    /// <param name="random">The source of every choice; seed it to replay a run.</param>
    /// <param name="runId">Goes into each event id; see <see cref="DemoAlertGenerator.NewRunId"/>.</param>
    /// <param name="gridMemberCodes">The grid members who report; the demo units of kind GridMember by default.</param>
    public DemoGridEventGenerator(Random random, string runId, IReadOnlyList<string>? gridMemberCodes = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        this.random = random;
        RunId = runId;
        gridMemberCodes ??= DemoUnits.Load(DateTimeOffset.UnixEpoch).Where(u => u.Kind == UnitKind.GridMember).Select(u => u.Code).ToList();
        if (gridMemberCodes.Count == 0)
        {
            throw new InvalidOperationException("There is no grid member to report grid events.");
        }

        // A grid member (WG-<grid code>) walks the grids of their own community.
        gridMembers = gridMemberCodes.Order(StringComparer.Ordinal).Select(code =>
        {
            var own = Grids.FirstOrDefault(g => code.EndsWith(g.Code, StringComparison.Ordinal));
            return (code, own is null ? Grids.ToArray() : Grids.Where(g => g.CommunityCode == own.CommunityCode).ToArray());
        }).ToList();
    }

    public string RunId { get; }

    /// <summary>The category codes this generator reports under; all are in the catalogue.</summary>
    public static IEnumerable<string> KnownCategoryCodes =>
        PatrolTemplates.Select(t => t.Category).Concat(Sensors.Select(s => s.Category)).Distinct();

    /// <summary>The next event, reported at <paramref name="now"/> (written with the +08:00 offset).</summary>
    public GridEventSubmission Next(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaStandardTime);
        sequence++;
        var eventId = string.Create(CultureInfo.InvariantCulture, $"GE-{local:yyyyMMdd}-{RunId}-{sequence:000000}");
        var tier = PickTier();
        var roll = random.NextDouble();
        var submission = roll < SensorShare ? SensorEvent(tier)
            : roll < SensorShare + ResidentShare ? ResidentEvent(tier)
            : GridMemberEvent(tier);
        submission.EventId = eventId;
        submission.ReportedAt = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        submission.Tier = tier;
        var photoDay = local.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        submission.PhotoUrls = Enumerable.Range(1, submission.PhotoUrls!.Count)
            .Select(n => (string?)string.Create(CultureInfo.InvariantCulture, $"{PhotoHost}{photoDay}/{eventId}-{n}.jpg"))
            .ToList();
        return submission;
    }

    /// <summary><paramref name="count"/> events, all reported at <paramref name="now"/>.</summary>
    public IReadOnlyList<GridEventSubmission> Generate(int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Enumerable.Range(0, count).Select(_ => Next(now)).ToList();
    }

    private string PickTier()
    {
        var roll = random.NextDouble();
        return roll < MinorShare ? "minor" : roll < MinorShare + MajorShare ? "major" : "complex";
    }

    private GridEventSubmission GridMemberEvent(string tier)
    {
        var (member, grids) = gridMembers[random.Next(gridMembers.Count)];
        var grid = grids[random.Next(grids.Length)];
        var template = PatrolTemplates[random.Next(PatrolTemplates.Length)];
        return new GridEventSubmission
        {
            Reporter = member,
            ReporterKind = "gridMember",
            CategoryCode = template.Category,
            Description = $"{grid.Name}{Describe(template)}{TierNotes[tier][random.Next(TierNotes[tier].Length)]}",
            GridCode = grid.Code,
            // The grid app adds the phone's position when location is switched on: GCJ-02, like every Chinese map SDK.
            Location = random.NextDouble() < 0.5 ? Position(grid.Lon, grid.Lat, CoordinateSystem.Gcj02) : null,
            PhotoUrls = Photos(random.Next(1, 4)),
        };
    }

    private GridEventSubmission ResidentEvent(string tier)
    {
        // Any point between grid points lies in the street, which is convex; a resident does not know their grid.
        var a = Grids[random.Next(Grids.Count)];
        var b = Grids[random.Next(Grids.Count)];
        var t = random.NextDouble();
        var template = PatrolTemplates[random.Next(PatrolTemplates.Length)];
        return new GridEventSubmission
        {
            Reporter = "RES-" + random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture),
            ReporterKind = "resident",
            CategoryCode = random.NextDouble() < 0.7 ? template.Category : null,
            Description = "居民反映：" + Describe(template) + (tier == "minor" ? "" : TierNotes[tier][0]),
            Location = Position(a.Lon + ((b.Lon - a.Lon) * t), a.Lat + ((b.Lat - a.Lat) * t), random.NextDouble() < 0.7 ? CoordinateSystem.Gcj02 : CoordinateSystem.Bd09),
            PhotoUrls = Photos(random.Next(0, 3)),
        };
    }

    private GridEventSubmission SensorEvent(string tier)
    {
        var sensor = Sensors[random.Next(Sensors.Length)];
        var number = random.Next(1, sensor.Count + 1);
        var id = string.Create(CultureInfo.InvariantCulture, $"SENSOR-{sensor.Prefix}-{number:0000}");
        // Each sensor sits still: its number decides its grid.
        var grid = Grids[((number * 7) + sensor.Prefix.Length) % Grids.Count];
        var building = (number % 12) + 1;
        return new GridEventSubmission
        {
            Reporter = id,
            ReporterKind = "sensor",
            CategoryCode = sensor.Category,
            Description = string.Format(CultureInfo.InvariantCulture, sensor.Text, id, grid.Name, building) + (tier == "minor" ? "" : TierNotes[tier][0]),
            GridCode = grid.Code,
            Location = Position(grid.Lon, grid.Lat, CoordinateSystem.Wgs84),
            PhotoUrls = Photos(sensor.Photos),
        };
    }

    private string Describe((string Category, string Text) template)
    {
        var text = template.Text;
        foreach (var (slot, values) in Slots)
        {
            text = text.Replace(slot, values[random.Next(values.Length)], StringComparison.Ordinal);
        }

        return text.Replace("{n}", random.Next(1, 30).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Placeholders: the real URLs are made once the event id is known.</summary>
    private static string?[] Photos(int count) => new string?[count];

    private static SubmittedLocation Position(double lon, double lat, CoordinateSystem crs)
    {
        var (x, y) = ChinaCoordinates.Convert(lon, lat, CoordinateSystem.Wgs84, crs);
        return new SubmittedLocation { Lon = Math.Round(x, 6), Lat = Math.Round(y, 6), Crs = IntakeRules.CrsName(crs) };
    }

    private sealed record Sensor(string Prefix, int Count, string Category, string Text, int Photos);

    private static readonly Sensor[] Sensors =
    [
        new("HKPW", 40, "falling-objects", "高空抛物监测摄像头{0}在{1}{2}幢楼下抓拍到疑似高空抛物，落点在人行道附近。", 1),
        new("SMOKE", 60, "fire", "独立烟感{0}报警：{1}{2}幢楼道烟雾浓度超标，已持续两分钟。", 0),
        new("EVCHG", 30, "fire", "电动自行车充电桩{0}告警：{1}{2}幢充电棚一处充电口温度异常升高，存在起火风险。", 1),
    ];

    private static readonly Dictionary<string, string[]> TierNotes = new(StringComparer.Ordinal)
    {
        ["minor"] = ["，已现场劝导，请社区跟进。", "，已当场处理，上报备案。", "，已告知当事人整改。"],
        ["major"] = ["，现场无法自行处置，请求相关部门到场。", "，劝导无效，需执法部门处理。"],
        ["complex"] = ["，反复发生且涉及多个部门，请求街道协调联合处置。", "，涉及多方权属，需街道牵头会商解决。"],
    };

    private static readonly (string Slot, string[] Values)[] Slots =
    [
        ("{road}", ["云峰路", "新塘路", "春晖路", "兴隆街", "明月路", "枫桥路", "秋涛北路", "景和路"]),
        ("{goods}", ["水果", "烧烤", "早餐", "蔬菜", "小吃", "衣物"]),
        ("{noise}", ["装修电钻声", "广场舞音响声", "夜间施工声", "商铺外放喇叭声"]),
        ("{shop}", ["烧烤店", "面馆", "小吃店", "快餐店"]),
        ("{party}", ["楼上楼下两户", "相邻两户", "租户与房东"]),
    ];

    // Grid-level work only; the 110-style cases are DemoAlertGenerator's.
    private static readonly (string Category, string Text)[] PatrolTemplates =
    [
        ("street-vending", "{road}路口有流动摊贩占道卖{goods}，占用人行道约{n}米"),
        ("street-vending", "小区门口有三轮车占道经营{goods}，影响通行"),
        ("exposed-rubbish", "{n}幢旁垃圾分类点垃圾满溢，周边有暴露垃圾"),
        ("exposed-rubbish", "{road}绿化带内堆放建筑垃圾约{n}袋"),
        ("illegal-building", "{n}幢顶楼住户正在搭建彩钢棚，疑似违章搭建"),
        ("illegal-building", "沿街商铺在门前私自搭建雨棚并占用公共通道"),
        ("noise", "{n}幢附近{noise}较大，居民多次投诉"),
        ("construction-noise", "{road}工地夜间十点后仍在施工，噪音扰民"),
        ("cooking-fumes", "沿街{shop}未安装油烟净化设施，油烟直排居民楼"),
        ("facility-hazard", "{road}人行道一处井盖缺失，已设临时围挡"),
        ("broken-facility", "{road}有{n}盏路灯不亮，夜间通行不便"),
        ("fire-lane-blocked", "{n}幢消防通道被私家车和杂物堵塞"),
        ("fire-lane-blocked", "{n}幢楼道内堆放纸板杂物，堵塞消防通道"),
        ("illegal-advertising", "{n}幢单元门口及电线杆上张贴大量小广告"),
        ("elevator-fault", "{n}幢电梯停运两天，老人上下楼困难"),
        ("dangerous-building", "{n}幢外墙瓷砖开裂，有脱落危险"),
        ("neighbour-dispute", "{party}因漏水问题发生纠纷，情绪激动"),
        ("neighbour-dispute", "{party}因楼道堆物发生争吵"),
        ("property-dispute", "业主与物业因停车收费问题发生纠纷，多名业主聚集在物业办公室"),
    ];

    /// <summary>
    /// The 60 grids of <c>infra/geo/grids.geojson</c> with each polygon's centroid, copied from the file because
    /// the server does not embed the grid layer (it is imported into the database). DemoGridEventGeneratorTests
    /// checks that the codes and names equal the file's and that every point lies inside its grid.
    /// </summary>
    public static readonly IReadOnlyList<DemoGrid> Grids =
    [
        new("330102007001001", "云峰社区第1网格", 120.216439, 30.305619),
        new("330102007001002", "云峰社区第2网格", 120.223989, 30.306236),
        new("330102007001003", "云峰社区第3网格", 120.220133, 30.304983),
        new("330102007001004", "云峰社区第4网格", 120.227559, 30.304997),
        new("330102007001005", "云峰社区第5网格", 120.213454, 30.304238),
        new("330102007001006", "云峰社区第6网格", 120.225763, 30.300830),
        new("330102007001007", "云峰社区第7网格", 120.219723, 30.299517),
        new("330102007001008", "云峰社区第8网格", 120.222788, 30.300279),
        new("330102007001009", "云峰社区第9网格", 120.216887, 30.298696),
        new("330102007002001", "新塘社区第1网格", 120.210212, 30.303196),
        new("330102007002002", "新塘社区第2网格", 120.207735, 30.299930),
        new("330102007002003", "新塘社区第3网格", 120.212916, 30.298700),
        new("330102007002004", "新塘社区第4网格", 120.204053, 30.296637),
        new("330102007002005", "新塘社区第5网格", 120.209964, 30.295894),
        new("330102007002006", "新塘社区第6网格", 120.206665, 30.294695),
        new("330102007002007", "新塘社区第7网格", 120.214260, 30.294102),
        new("330102007002008", "新塘社区第8网格", 120.203890, 30.291985),
        new("330102007002009", "新塘社区第9网格", 120.209454, 30.291120),
        new("330102007003001", "春晖社区第1网格", 120.231686, 30.303118),
        new("330102007003002", "春晖社区第2网格", 120.229301, 30.299976),
        new("330102007003003", "春晖社区第3网格", 120.234860, 30.299705),
        new("330102007003004", "春晖社区第4网格", 120.229576, 30.296556),
        new("330102007003005", "春晖社区第5网格", 120.236238, 30.295086),
        new("330102007003006", "春晖社区第6网格", 120.231652, 30.293400),
        new("330102007003007", "春晖社区第7网格", 120.233546, 30.290090),
        new("330102007003008", "春晖社区第8网格", 120.237628, 30.289851),
        new("330102007004001", "兴隆社区第1网格", 120.222102, 30.294712),
        new("330102007004002", "兴隆社区第2网格", 120.225737, 30.294635),
        new("330102007004003", "兴隆社区第3网格", 120.218678, 30.294409),
        new("330102007004004", "兴隆社区第4网格", 120.218888, 30.291732),
        new("330102007004005", "兴隆社区第5网格", 120.222176, 30.290250),
        new("330102007004006", "兴隆社区第6网格", 120.227849, 30.289659),
        new("330102007004007", "兴隆社区第7网格", 120.223940, 30.286575),
        new("330102007005001", "明月社区第1网格", 120.215792, 30.290299),
        new("330102007005002", "明月社区第2网格", 120.212170, 30.287354),
        new("330102007005003", "明月社区第3网格", 120.216864, 30.286799),
        new("330102007005004", "明月社区第4网格", 120.220655, 30.284559),
        new("330102007005005", "明月社区第5网格", 120.213601, 30.282678),
        new("330102007005006", "明月社区第6网格", 120.218478, 30.282190),
        new("330102007006001", "枫桥社区第1网格", 120.202858, 30.287501),
        new("330102007006002", "枫桥社区第2网格", 120.207107, 30.286982),
        new("330102007006003", "枫桥社区第3网格", 120.208891, 30.283820),
        new("330102007006004", "枫桥社区第4网格", 120.203539, 30.282194),
        new("330102007006005", "枫桥社区第5网格", 120.208719, 30.280434),
        new("330102007006006", "枫桥社区第6网格", 120.204768, 30.276926),
        new("330102007006007", "枫桥社区第7网格", 120.208239, 30.276675),
        new("330102007007001", "秋涛社区第1网格", 120.235329, 30.285949),
        new("330102007007002", "秋涛社区第2网格", 120.230417, 30.285109),
        new("330102007007003", "秋涛社区第3网格", 120.226079, 30.283279),
        new("330102007007004", "秋涛社区第4网格", 120.234743, 30.281954),
        new("330102007007005", "秋涛社区第5网格", 120.224790, 30.279743),
        new("330102007007006", "秋涛社区第6网格", 120.229275, 30.280133),
        new("330102007007007", "秋涛社区第7网格", 120.232704, 30.277891),
        new("330102007007008", "秋涛社区第8网格", 120.227280, 30.275827),
        new("330102007008001", "景和社区第1网格", 120.219406, 30.278847),
        new("330102007008002", "景和社区第2网格", 120.213417, 30.278184),
        new("330102007008003", "景和社区第3网格", 120.211311, 30.274652),
        new("330102007008004", "景和社区第4网格", 120.216041, 30.274772),
        new("330102007008005", "景和社区第5网格", 120.223014, 30.275325),
        new("330102007008006", "景和社区第6网格", 120.219888, 30.273496),
    ];
}
