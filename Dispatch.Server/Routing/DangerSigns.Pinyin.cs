namespace Dispatch.Server.Routing;

/// <summary>
/// The Chinese signs in toneless pinyin, as a caller types them on a phone without a Chinese keyboard ("diao jin he
/// li le" is 掉进河里了): every sign of three characters or more is matched in pinyin too, so none needs a second
/// spelling by hand.
/// No pinyin library is served here, so the readings of the signs' characters are listed below (all readings a
/// character takes in a sign; a new sign with a character not in the table fails <c>DangerSignsTests</c>).
/// </summary>
public static partial class DangerSigns
{
    /// <summary>Each character of the signs with its toneless readings ("着zhao/zhe/zhuo").</summary>
    private const string Readings =
        "一yi 上shang 下xia 不bu 丢diu 中zhong 么me 书shu 了le/liao 事shi 于yu 井jing 产chan 亮liang 人ren 从cong 休xiu 伙huo 伤shang 住zhu 体ti 你ni 倒dao 停ting 僵jiang 儿er 光guang 克ke 全quan 关guan 冒mao 农nong 冲chong 冻dong 凶xiong 出chu 刀dao 到dao 刺ci 剁duo " +
        "割ge 动dong 势shi 勒le/lei 匕bi 化hua 卡ka/qia 危wei 卷juan 压ya 厥jue 去qu 反fan 发fa 口kou 叫jiao 可ke 台tai 吃chi 吊diao 同tong 吐tu 吞tun 吸xi 呕ou 味wei 呼hu 命ming 咬yao 品pin 响xiang 唇chun 啊a 喊han 喘chuan 喝he 嘴zui 噎ye 困kun 土tu " +
        "在zai 地di/de 坍tan 坠zhui 埋mai 塌ta 塘tang 声sheng 处chu 外wai 多duo 天tian 失shi 头tou 夹jia 女nv/nu 好hao 娃wa 子zi 孙sun 学xue 孩hai 安an 宝bao 家jia 寻xun 射she 小xiao 尽jin 山shan 巨ju 带dai 库ku 应ying 度du 开kai 弓gong 弩nu 弹dan/tan 归gui " +
        "往wang 很hen 得de/dei 心xin 志zhi 快kuai 怎zen 恶e/wu 想xiang 意yi 感gan 我wo 手shou 扎zha/za 打da 扣kou 找zhao 抄chao 把ba 抢qiang 报bao 押ya 抽chou 拐guai 拔ba 拘ju 拿na 持chi 挣zheng 挤ji 挥hui 捅tong 掉diao 掏tao 掐qia 提ti 搐chu 摔shuai 放fang 救jiu " +
        "斧fu 方fang 明ming 昏hun 是shi 晕yun 暑shu 有you 杀sha 杆gan 束shu 来lai 果guo 枪qiang 架jia 标biao 栏lan 桥qiao 梗geng 梯ti 棍gun 楼lou 模mo/mu 止zhi 死si 毒du 气qi 氧yang 氨an 氯lv/lu 水shui 求qiu 江jiang 池chi 汽qi 沉chen 没mei/mo 沫mo 河he 油you " +
        "泄xie 法fa 泼po 活huo 流liu 浇jiao 浓nong 海hai 液ye 淋lin 淹yan 清qing 湖hu 溺ni 满man 漏lou 火huo 灾zai 炭tan 炸zha 点dian 烟yan 烧shao 烷wan 焦jiao 然ran 煤mei 燃ran 爆bao 爬pa 物wu 狗gou 猎lie 猝cu 生sheng 甲jia 电dian 疯feng 疼teng 病bing " +
        "痛tong 痫xian 瘫tan 癫dian 白bai 的de/di 省sheng/xing 看kan 眠mian 着zhao/zhe/zhuo 短duan 砍kan 破po 砸za 硫liu 碳tan 神shen 禁jin 窗chuang 站zhan 答da 管guan 糊hu 紫zi 纵zong 绑bang 结jie 给gei/ji 罐guan 羊yang 翻fan 肉rou 胡hu 胸xiong 脉mai 脏zang 脑nao 脖bo 脸lian 腕wan " +
        "自zi 色se 苗miao 药yao 菜cai 落luo/la/lao 血xue/xie 行xing/hang 被bei 要yao 见jian 触chu 警jing 识shi 话hua 误wu 说shuo 贩fan 走zou 起qi 超chao 路lu 跳tiao 踏ta 踩cai 身shen 躺tang 轻qing 过guo 进jin 迷mi 遗yi 酸suan 醒xing 里li 重zhong/chong 钢gang 铁tie 锁suo 闪shan " +
        "闻wen 阳yang 难nan 雾wu 露lu/lou 非fei 面mian 顶ding 风feng 食shi 首shou 马ma 骤zhou 高gao " +
        "眼yan 半ban 斜xie 遂sui 齿chi 歪wai 能neng 边bian " +
        "扑pu 腾teng 抬tai 交jiao 代dai 后hou 排pai 害hai 残can 咳ke 己ji " +
        "睛jing 两liang 按an 砖zhuan 星xing 线xian 断duan 门men " +
        "滩tan 甩shuai 黑hei 们men";

    /// <summary>
    /// Built on first use, after the sign list: static fields of a partial class's two files have no set order between them.
    /// </summary>
    private static class Pinyin
    {
        /// <summary>A sign's pinyin is at most this many syllables (typed as that many words, or fewer run together).</summary>
        internal static readonly int MaxSyllables = Signs.Max(s => s.Sign.Length);

        internal static readonly Dictionary<char, string[]> ReadingsOf = Readings.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(r => r[0], r => r[1..].Split('/'));

        /// <summary>Every Chinese sign under every spelling of its readings ("血流" is xueliu and xieliu).</summary>
        internal static readonly Dictionary<string, (string Zh, string En)> PinyinSigns = BuildPinyinSigns(ReadingsOf);
    }

    /// <summary>Signs with a character the table does not read (a test keeps this empty).</summary>
    internal static IReadOnlyList<string> SignsWithoutPinyin() =>
        Signs.Select(s => s.Sign).Where(s => s.Any(IsHan) && !s.All(c => !IsHan(c) || Pinyin.ReadingsOf.ContainsKey(c))).ToList();

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static Dictionary<string, (string Zh, string En)> BuildPinyinSigns(Dictionary<char, string[]> readingsOf)
    {
        var signs = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal);
        foreach (var (sign, zh, en) in Signs)
        {
            // Only signs wholly of Chinese characters the table reads (a sign with a digit or Latin letter is not typed in
            // pinyin), and of three syllables or more: two-syllable spellings are everyday words as often as signs
            // (kanle 看了 / 砍了, daodi 到底 / 倒地, kandao 看到 / 砍刀, daojia 到家 / 刀架); the short pinyin worth
            // matching is listed by hand in LatinSigns.
            if (sign.Length < 3 || !sign.All(c => IsHan(c) && readingsOf.ContainsKey(c)))
            {
                continue;
            }

            IEnumerable<string> spellings = [""];
            foreach (var c in sign)
            {
                spellings = spellings.SelectMany(_ => readingsOf[c], (start, reading) => start + reading).ToList();
            }

            foreach (var spelling in spellings)
            {
                signs.TryAdd(spelling, (zh, en));
            }
        }

        return signs;
    }
}
