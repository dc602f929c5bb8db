using System.Globalization;
using Dispatch.Server.Addresses;

namespace Dispatch.Console.Bench;

/// <summary>
/// A register of any size shaped like a real street's: invented roads with house numbers, and compounds with
/// buildings and units, their names drawn from the characters place names use. Seeded, so every run is the same.
/// </summary>
public static class SyntheticAddresses
{
    private const string Chars = "云峰新塘春晖兴隆明月枫桥秋涛景和笕丰望江采荷德胜翠竹金色锦绣紫荆丽水桂花福星盛清泉银河光林红绿洲西东方海棠阳秀乐美石天城湖山松安平康宁泰华";
    private static readonly string[] CompoundSuffixes = ["花园", "新村", "家园", "公寓", "苑", "小区"];
    private static readonly string[] RoadSuffixes = ["路", "街"];

    public static List<AddressEntry> Build(int count, int seed = 7)
    {
        var random = new Random(seed);
        string Name(string[] suffixes) => string.Concat(Chars[random.Next(Chars.Length)], Chars[random.Next(Chars.Length)]) + suffixes[random.Next(suffixes.Length)];
        var entries = new List<AddressEntry>(count);
        var roads = Enumerable.Range(0, Math.Max(10, count / 400)).Select(_ => Name(RoadSuffixes)).Distinct().ToList();
        var c = 0;
        while (entries.Count < count)
        {
            c++;
            var compound = Name(CompoundSuffixes) + (c % 7 == 0 ? c.ToString(CultureInfo.InvariantCulture) : "");
            var road = roads[random.Next(roads.Count)];
            var number = random.Next(1, 400).ToString(CultureInfo.InvariantCulture);
            var (lon, lat) = (120.2 + (random.NextDouble() * 0.04), 30.27 + (random.NextDouble() * 0.04));
            entries.Add(new AddressEntry($"S{c}", "上城区", "云峰街道", "云峰社区", road, number, compound, null, null, lon, lat, "G"));
            for (var b = 1; b <= 12 && entries.Count < count; b++)
            {
                var building = b.ToString(CultureInfo.InvariantCulture);
                entries.Add(new AddressEntry($"S{c}-{b}", "上城区", "云峰街道", "云峰社区", road, number, compound, building, null, lon, lat, "G"));
                for (var u = 1; u <= 3 && entries.Count < count; u++)
                {
                    entries.Add(new AddressEntry($"S{c}-{b}-{u}", "上城区", "云峰街道", "云峰社区", road, number, compound, building,
                        u.ToString(CultureInfo.InvariantCulture), lon, lat, "G"));
                }
            }
        }

        return entries;
    }

    /// <summary>Texts as people write them about entries of the register: numerals, other words, extra words, a homophone.</summary>
    public static string[] Texts(IReadOnlyList<AddressEntry> entries, int count, int seed = 11)
    {
        var random = new Random(seed);
        string[] numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var e = entries[random.Next(entries.Count)];
            var b = e.Building is null ? "" : i % 3 == 0 ? numerals[int.Parse(e.Building, CultureInfo.InvariantCulture)] + "栋" : e.Building + "幢";
            var u = e.Unit is null ? "" : i % 2 == 0 ? e.Unit + "单元" : e.Unit + "门";
            return (i % 4) switch
            {
                0 => $"杭州市上城区{e.Compound}{b}{u}801室",
                1 => $"在{e.Road}{e.Number}号{e.Compound}{b}{u}门口",
                2 => $"{e.Compound}{b}{u}附近",
                _ => $"{e.Road}{e.Number}号",
            };
        }).ToArray();
    }
}
