using System.Text.RegularExpressions;
using Dispatch.Contracts;

namespace Dispatch.Server.Addresses;

/// <summary>What a text matched in the register: the best entry, up to three alternatives, and why.</summary>
public sealed record AddressMatchResult(string Normalised, AddressCandidate? Best, IReadOnlyList<AddressCandidate> Alternatives, IReadOnlyList<string> MatchedOn)
{
    public static AddressMatchResult None(string normalised, string why) => new(normalised, null, [], [why]);
}

/// <summary>
/// The register prepared for matching, immutable once built. Names (roads, compounds, communities) are indexed by
/// the sound class of each character of their distinctive part (兴隆 of 兴隆花园), so a text reaches the few names
/// that share its characters without a scan; each of those is aligned against the text allowing typos and
/// homophones; the entries under the names found are then scored on the levels the text gives (number, building,
/// unit). Pure: the same register and text always give the same answer.
/// </summary>
public sealed partial class AddressIndex
{
    private const double MinCoreSimilarity = 0.6;
    private const double AmbiguityMargin = 0.02;

    private static readonly string[] RoadSuffixes = ["大道", "路", "街", "巷", "道"];
    private static readonly string[] CompoundSuffixes = ["花园", "新村", "家园", "公寓", "人家", "大厦", "广场", "公馆", "苑", "园", "府", "城", "庭", "居", "里", "坊"];
    private static readonly string[] CommunitySuffixes = ["社区", "村"];

    private readonly Entry[] entries;
    private readonly Name[] names;
    private readonly Dictionary<int, int[]> namesByClass;
    private readonly string[] prefixes;
    private readonly Dictionary<string, AddressEntry> byId;

    private AddressIndex(Entry[] entries, Name[] names, Dictionary<int, int[]> namesByClass, string[] prefixes)
    {
        this.entries = entries;
        byId = entries.ToDictionary(e => e.Source.Id, e => e.Source, StringComparer.Ordinal);
        this.names = names;
        this.namesByClass = namesByClass;
        this.prefixes = prefixes;
    }

    public static AddressIndex Empty { get; } = Build([]);

    public int Count => entries.Length;

    /// <summary>The entry with this register id, or null.</summary>
    public AddressEntry? Find(string? id) => id is not null && byId.TryGetValue(id, out var e) ? e : null;

    /// <summary>An entry as a candidate with the given score.</summary>
    public static AddressCandidate Candidate(AddressEntry e, double score) =>
        new(e.Id, e.Normalised, Math.Round(Math.Clamp(score, 0, 1), 3), new GeoPoint(e.Lon, e.Lat), e.GridCode, e.Community);

    public static AddressIndex Build(IEnumerable<AddressEntry> register)
    {
        var nameIds = new Dictionary<(NameKind, string), int>();
        var names = new List<Name>();
        var byName = new List<List<int>>();
        var prefixes = new HashSet<string>(StringComparer.Ordinal);

        int NameId(NameKind kind, string? raw)
        {
            var text = AddressText.Normalise(raw);
            if (text.Length == 0)
            {
                return -1;
            }

            if (!nameIds.TryGetValue((kind, text), out var id))
            {
                id = names.Count;
                nameIds[(kind, text)] = id;
                names.Add(Name.Create(kind, text));
                byName.Add([]);
            }

            return id;
        }

        var list = new List<Entry>();
        foreach (var e in register)
        {
            var index = list.Count;
            var entry = new Entry(e,
                NameId(NameKind.Road, e.Road), NameId(NameKind.Compound, e.Compound), NameId(NameKind.Community, e.Community),
                AddressEntry.LevelValue(e.Number, "号"), AddressEntry.LevelValue(e.Building, "幢"), AddressEntry.LevelValue(e.Unit, "单元"));
            list.Add(entry);
            foreach (var id in new[] { entry.Road, entry.Compound, entry.Community }.Where(id => id >= 0).Distinct())
            {
                byName[id].Add(index);
            }

            foreach (var prefix in new[] { e.District, e.Street }.Select(AddressText.Normalise).Where(p => p.Length > 0))
            {
                prefixes.Add(prefix);
            }
        }

        var finished = names.Select((n, i) => n with { Entries = [.. byName[i]] }).ToArray();
        var byClass = finished
            .SelectMany((n, i) => n.Core.Distinct().Select(c => (Class: c, Name: i)))
            .GroupBy(x => x.Class)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Name).ToArray());
        return new AddressIndex([.. list], finished, byClass, [.. prefixes.OrderByDescending(p => p.Length)]);
    }

    /// <summary>The entries whose normalised text contains the normalised query, for the entry form; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AddressEntry> Search(string? query, int limit)
    {
        var q = AddressText.Normalise(query);
        if (q.Length == 0)
        {
            return [];
        }

        // Through the name index first (cheap), then the exact containment test on those names' entries only.
        var hits = new List<AddressEntry>();
        foreach (var id in CandidateNames(q).Take(64))
        {
            foreach (var i in names[id].Entries)
            {
                if (entries[i].Source.Normalised.Contains(q, StringComparison.Ordinal) && !hits.Contains(entries[i].Source))
                {
                    hits.Add(entries[i].Source);
                }
            }
        }

        return [.. hits.OrderBy(h => h.Normalised.Length).ThenBy(h => h.Normalised, StringComparer.Ordinal).Take(limit)];
    }

    public AddressMatchResult Match(string? text)
    {
        var normalised = AddressText.Normalise(text);
        var q = normalised;
        foreach (var prefix in prefixes)
        {
            q = q.Replace(prefix, "|", StringComparison.Ordinal);
        }

        var building = LastGroup(BuildingToken().Matches(q));
        var unit = LastGroup(UnitToken().Matches(q));
        var number = LastGroup(NumberToken().Matches(q));
        var residual = LevelToken().Replace(q, "|");
        if (residual.Replace("|", "", StringComparison.Ordinal).Length == 0)
        {
            return AddressMatchResult.None(normalised, "没有可匹配的地名 / no road, compound or community name in the text");
        }

        var classes = residual.Select(Homophones.Class).ToArray();
        var found = new Dictionary<int, (double Similarity, bool Exact)>();
        foreach (var id in CandidateNames(residual))
        {
            var name = names[id];
            var (similarity, cost) = Similarity(name, residual, classes);
            if (similarity < MinCoreSimilarity)
            {
                continue;
            }

            found[id] = (similarity, cost == 0);
        }

        if (found.Count == 0)
        {
            return AddressMatchResult.None(normalised, "地址库中没有相近的地名 / no name in the register resembles the text");
        }

        var compoundFound = found.Any(f => names[f.Key].Kind == NameKind.Compound && f.Value.Similarity >= 0.8);
        var scored = new Dictionary<int, double>();
        foreach (var (id, _) in found)
        {
            var name = names[id];
            if (name.Kind == NameKind.Community && compoundFound)
            {
                continue;
            }

            foreach (var i in name.Entries)
            {
                if (!scored.ContainsKey(i) && Score(entries[i], found, number, building, unit) is > 0 and var s)
                {
                    scored[i] = s;
                }
            }
        }

        var ranked = scored.OrderByDescending(s => s.Value).ThenBy(s => entries[s.Key].Source.Normalised.Length)
            .ThenBy(s => entries[s.Key].Source.Id, StringComparer.Ordinal).Take(4).ToList();
        if (ranked.Count == 0)
        {
            return AddressMatchResult.None(normalised, "地名相近，但地址库中没有对应的门牌或楼幢 / a name resembles the text, but no entry has its number or building");
        }

        var top = ranked[0].Value;
        var ambiguous = ranked.Count > 1 && ranked[1].Value >= top - AmbiguityMargin;

        // Two different places fit as well: a guess between them must not route on its own.
        var candidates = ranked.Select(r => Candidate(entries[r.Key].Source, ambiguous && r.Value >= top - AmbiguityMargin ? r.Value * 0.85 : r.Value)).ToList();
        return new AddressMatchResult(normalised, candidates[0], candidates.Skip(1).ToList(), Explain(entries[ranked[0].Key], found, number, building, unit, ambiguous));
    }

    private static double Score(Entry e, Dictionary<int, (double Similarity, bool Exact)> found, string? number, string? building, string? unit)
    {
        double Sim(int id) => id >= 0 && found.TryGetValue(id, out var f) ? f.Similarity : 0;
        var c = Sim(e.Compound);
        var r = Sim(e.Road);
        var m = Sim(e.Community);
        var numberMatches = number is not null && e.Number == number;

        double name;
        if (e.Compound >= 0)
        {
            name = Math.Max(c, Math.Max(numberMatches ? r : 0, 0.9 * m));
            if (c > 0 && r > 0)
            {
                name = Math.Min(1, name + 0.05);
            }
        }
        else
        {
            name = r;
        }

        if (name <= 0)
        {
            return 0;
        }

        var levels = LevelFactor(building, e.Building, missing: 0.7) * LevelFactor(unit, e.Unit, missing: 0.85);
        if (number is not null && e.Number is not null && !numberMatches)
        {
            // A wrong number beside the right compound is a slip; on a bare road it is another house (nearest numbers
            // are offered, below the threshold).
            levels *= c > 0 ? 0.9 : 0.5 / (1 + (Math.Abs(NumberValue(number) - NumberValue(e.Number)) / 20.0));
        }

        if (number is not null && e.Number is null && c == 0)
        {
            levels *= 0.75;
        }

        return name * levels;
    }

    /// <summary>
    /// Asked and present: 1 if equal, excluded if not. Asked but the entry stops above: the text names a level the
    /// register lacks. Not asked but present: the entry is more precise than the text, so the coarser one wins.
    /// </summary>
    private static double LevelFactor(string? asked, string? entry, double missing) =>
        (asked, entry) switch
        {
            (null, null) => 1,
            (null, _) => 0.6,
            (_, null) => missing,
            _ => asked == entry ? 1 : 0,
        };

    private static int NumberValue(string number) =>
        int.TryParse(number.AsSpan(0, number.TakeWhile(char.IsAsciiDigit).Count()), out var n) ? n : 0;

    private List<string> Explain(Entry e, Dictionary<int, (double Similarity, bool Exact)> found, string? number, string? building, string? unit, bool ambiguous)
    {
        var why = new List<string>();
        foreach (var (id, label) in new[] { (e.Community, "社区"), (e.Road, "道路"), (e.Compound, "小区") })
        {
            if (id >= 0 && found.TryGetValue(id, out var f) && f.Similarity >= 0.8)
            {
                why.Add(f.Exact ? $"{label} {names[id].Text}" : $"{label} {names[id].Text}（相近：错别字或同音字 / close: typo or homophone）");
            }
        }

        if (number is not null)
        {
            why.Add(e.Number == number ? $"门牌 {number}号" : $"门牌 {number}号 不在地址库中 / number not in the register");
        }

        if (building is not null)
        {
            why.Add(e.Building == building ? $"幢 {building}" : $"{building}幢 不在地址库中 / building not in the register");
        }

        if (unit is not null)
        {
            why.Add(e.Unit == unit ? $"单元 {unit}" : $"{unit}单元 不在地址库中 / unit not in the register");
        }

        if (ambiguous)
        {
            why.Add("有同样相符的其他地址 / another address fits as well");
        }

        return why;
    }

    /// <summary>
    /// Names sharing enough sound classes with the text to be worth aligning, most shared first: the inverted index
    /// replaces a scan of every name.
    /// </summary>
    private IEnumerable<int> CandidateNames(string text)
    {
        var hits = new Dictionary<int, int>();
        foreach (var c in text.Select(Homophones.Class).Distinct())
        {
            if (namesByClass.TryGetValue(c, out var ids))
            {
                foreach (var id in ids)
                {
                    hits[id] = hits.GetValueOrDefault(id) + 1;
                }
            }
        }

        return hits.Where(h => h.Value >= Math.Ceiling(names[h.Key].Core.Length * MinCoreSimilarity) - (names[h.Key].Core.Length > 3 ? 1 : 0))
            .OrderByDescending(h => (double)h.Value / names[h.Key].Core.Length).ThenBy(h => h.Key).Select(h => h.Key).Take(200);
    }

    private static string? LastGroup(MatchCollection matches) => matches.Count == 0 ? null : matches[^1].Groups[1].Value;

    [GeneratedRegex(@"([0-9A-Z]+)幢")]
    private static partial Regex BuildingToken();

    [GeneratedRegex(@"(\d+)单元")]
    private static partial Regex UnitToken();

    [GeneratedRegex(@"(\d+(?:-\d+)?)号")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"[0-9A-Z]+幢|\d+单元|\d+(?:-\d+)?号|\d+")]
    private static partial Regex LevelToken();

    private sealed record Entry(AddressEntry Source, int Road, int Compound, int Community, string? Number, string? Building, string? Unit);
}
