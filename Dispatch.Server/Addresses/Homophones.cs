namespace Dispatch.Server.Addresses;

/// <summary>
/// Characters that sound alike (same pinyin, tones ignored), so that a name typed by ear (见桥 for 笕桥, 星隆 for
/// 兴隆) still meets the register. No pinyin package is served on our package source: this is a hand-written table of
/// the characters common in street, road and compound names; a full table (e.g. the pinyin-data project's) would
/// replace it without changing the matcher.
/// </summary>
public static class Homophones
{
    private static readonly string[] Groups =
    [
        "云芸耘匀运允韵蕴", "峰锋丰风枫封蜂疯凤奉沣", "新心欣辛鑫馨薪信芯", "塘唐堂糖棠汤", "春椿纯淳醇", "晖辉挥徽灰惠慧汇会卉",
        "兴星腥行形型邢幸杏", "隆龙笼珑垄", "明名鸣铭茗", "月悦越岳阅跃粤", "桥乔侨荞", "秋丘邱求球裘", "涛桃陶淘逃滔",
        "景井警境京经精晶静敬荆菁", "和河合荷禾何", "笕见建剑健件鉴舰坚间", "望旺王网往", "江姜将疆蒋", "采彩菜财才",
        "德得", "胜圣盛升生声笙", "花华化画桦", "园元源圆原苑远院媛", "翠萃脆", "竹珠朱株祝柱", "金今津锦进近晋",
        "家佳嘉加", "公工宫功恭", "寓玉宇雨语羽域裕御", "紫子梓", "人仁", "映英应樱迎莹盈", "丽力立李里利理", "桂贵",
        "睦木目牧穆", "福富付府复芙", "清青轻庆卿", "泉全权", "银引印音", "光广", "林临琳霖麟", "红宏洪虹鸿",
        "绿律", "洲州舟周", "西溪希喜熙", "东冬动", "方芳坊", "阳杨洋扬", "秀绣", "美梅媚", "石时实", "天田添",
        "城成诚程", "路鹿陆露", "湖胡虎", "山杉珊", "松嵩", "安岸", "平萍", "康抗", "宁凝", "德", "泰太", "华",
        "水", "海", "乐", "竹",
    ];

    private static readonly Dictionary<char, int> ClassOf = Build();

    /// <summary>The sound class of a character: alike for homophones, else the character itself.</summary>
    public static int Class(char c) => ClassOf.TryGetValue(c, out var id) ? id : c;

    private static Dictionary<char, int> Build()
    {
        var map = new Dictionary<char, int>();
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var c in Groups[g])
            {
                // Classes sit above the BMP so they never collide with a character's own code.
                map.TryAdd(c, 0x110000 + g);
            }
        }

        return map;
    }
}
