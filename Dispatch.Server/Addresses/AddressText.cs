using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dispatch.Server.Addresses;

/// <summary>
/// Pure normalisation of address text, applied alike to the register and to what people write, so that both meet
/// in one spelling: half-width upper-case digits and letters, Arabic numbers for Chinese numerals, 幢 for
/// 栋/号楼/座, 单元 for 门, 号 for 弄/巷, no room or floor, no filler words (在…门口, 附近, 对面).
/// </summary>
public static partial class AddressText
{
    /// <summary>Longer texts are cut: an address is never this long, and matching cost grows with the length.</summary>
    public const int MaxLength = 200;

    // Said around a place, never part of its name; removed before matching.
    private static readonly string[] Filler =
    [
        "报警人称", "报警称", "发生在", "位于", "地址", "地点", "我在", "门口", "附近", "对面", "旁边", "边上", "楼下", "楼上", "一带", "周边", "周围",
        "里面", "外面", "隔壁", "这里", "那里", "东侧", "西侧", "南侧", "北侧", "东门", "西门", "南门", "北门", "大门", "中国", "浙江省", "浙江",
        "杭州市", "杭州", "在",
    ];

    private const string NumeralChars = "零〇一二两三四五六七八九十百千";

    /// <summary>The normal form of a text (no register names removed).</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var s = text.Length > MaxLength ? text[..MaxLength] : text;
        s = s.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        s = Punctuation().Replace(s, "");
        s = NumeralRun().Replace(s, m => ConvertNumeral(m.Value));
        s = s.Replace("路口", "路", StringComparison.Ordinal);
        foreach (var word in Filler)
        {
            s = s.Replace(word, "", StringComparison.Ordinal);
        }

        s = s.Replace("小区", "", StringComparison.Ordinal);

        // 12-3-801 or 12-3: building-unit(-room), the way forms and phones shorten it; 88-1号 stays a number.
        s = DashTriple().Replace(s, "$1幢$2单元");
        s = DashPair().Replace(s, "$1幢$2单元");
        s = BuildingWords().Replace(s, "$1幢");
        s = HashBuilding().Replace(s, "$1幢");
        s = FloorBeforeUnit().Replace(s, "$1幢");
        s = UnitDoor().Replace(s, "$1单元");
        s = NumberWords().Replace(s, "$1号");
        s = RoomAfterUnit().Replace(s, "单元");
        s = RoomAfterBuilding().Replace(s, "幢");
        s = Room().Replace(s, "");
        s = Floor().Replace(s, "");
        return s;
    }

    /// <summary>A run of Chinese numerals as an Arabic number: 十二 → 12, 一百零三 → 103, 八零一 → 801.</summary>
    public static string ConvertNumeral(string run)
    {
        static int Digit(char c) => c switch
        {
            '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
        };

        if (run.All(c => Digit(c) >= 0))
        {
            // Read digit by digit, as room and house numbers are said (八零一).
            return string.Concat(run.Select(c => Digit(c).ToString(CultureInfo.InvariantCulture)));
        }

        long total = 0, current = 0;
        foreach (var c in run)
        {
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                current = Digit(c);
                continue;
            }

            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }

        return (total + current).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"[\s\p{P}\p{S}-[#\-]]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex("[" + NumeralChars + "]+")]
    private static partial Regex NumeralRun();

    [GeneratedRegex(@"(\d+)-(\d+)-\d+(?!号)")]
    private static partial Regex DashTriple();

    [GeneratedRegex(@"(\d+)-(\d+)(?![\d号])")]
    private static partial Regex DashPair();

    [GeneratedRegex(@"(\d+|[A-Z])(?:号楼|栋|座|幢|号幢|#楼|#)")]
    private static partial Regex BuildingWords();

    [GeneratedRegex(@"(\d+)#")]
    private static partial Regex HashBuilding();

    [GeneratedRegex(@"(\d+)楼(?=\d+单元)")]
    private static partial Regex FloorBeforeUnit();

    [GeneratedRegex(@"(\d+)(?:门(?!口)|单元门|单)(?!元)")]
    private static partial Regex UnitDoor();

    [GeneratedRegex(@"(\d+)(?:号院|弄|巷|号)(?!楼)")]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"单元\d{3,4}(?:室|房|户|号)?")]
    private static partial Regex RoomAfterUnit();

    // 12幢801: a room written straight after the building, with no unit (three or four digits, never a unit's one or two).
    [GeneratedRegex(@"幢\d{3,4}(?:室|房|户|号)?(?!\d|单元)")]
    private static partial Regex RoomAfterBuilding();

    [GeneratedRegex(@"\d+(?:室|房间|房|户)")]
    private static partial Regex Room();

    [GeneratedRegex(@"\d+(?:层|楼)(?!\d)")]
    private static partial Regex Floor();
}
