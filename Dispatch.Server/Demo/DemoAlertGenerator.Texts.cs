namespace Dispatch.Server.Demo;

/// <summary>What the demo's calls say and where they come from: places, phone prefixes, template slots and the sentences per category.</summary>
public sealed partial class DemoAlertGenerator
{
    private sealed record Place(string Street, double Lon, double Lat, string[] Roads, string[] Communities);

    // Centres are approximate and pulled into the demo box; roads are real names, house numbers and estates invented.
    private static readonly Place[] Places =
    [
        new("彭埠", 120.214, 30.291, ["德胜东路", "新塘路", "云峰路", "兴业街", "红普路"], ["云峰家园", "彭埠新苑", "红普家园", "章家坝社区"]),
        new("九堡", 120.236, 30.302, ["杭海路", "九环路", "九和路", "格畈路", "三卫路"], ["九堡家苑", "东方红苑", "格畈新村", "九和花园"]),
        new("笕桥", 120.212, 30.315, ["机场路", "笕桥路", "天城东路", "弄口路", "横塘路"], ["笕桥花园", "黄家新苑", "横塘景苑", "花园兜社区"]),
        new("丁兰", 120.196, 30.318, ["丁兰路", "笕丁路", "大农港路", "同协路", "皋城路"], ["丁桥景苑", "丁兰苑", "大塘新村", "皋亭家园"]),
        new("四季青", 120.204, 30.266, ["秋涛北路", "钱江路", "景芳路", "新业路", "市民街"], ["景芳三区", "三新家园", "近江东园", "钱江新城公寓"]),
        new("闸弄口", 120.186, 30.285, ["天城路", "艮山西路", "凤起东路", "新风路", "濮家路"], ["濮家新村", "闸弄口新村", "天城苑", "红梅社区"]),
        new("采荷", 120.182, 30.262, ["采荷路", "凯旋路", "庆春东路", "清江路", "景昙路"], ["采荷一小区", "芙蓉苑", "青荷苑", "凯旋新村"]),
    ];

    private static readonly string[] MobilePrefixes =
        ["130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"];

    private static readonly (string Slot, string[] Values)[] Slots =
    [
        ("{vehicle}", ["电动车", "自行车", "电瓶车", "摩托车"]),
        ("{colour}", ["白色", "黑色", "红色", "蓝色", "银色", "灰色"]),
        ("{brand}", ["雅迪", "爱玛", "台铃", "小牛", "绿源", "新日"]),
        ("{venue}", ["饭店", "烧烤店", "KTV", "网吧", "超市", "菜场", "酒吧", "奶茶店"]),
        ("{men}", ["两名男子", "三四名男子", "一男一女", "两名年轻男子", "数名醉酒男子"]),
        ("{car}", ["一辆白色轿车", "一辆黑色SUV", "一辆出租车", "一辆渣土车", "一辆网约车", "一辆货车"]),
        ("{other}", ["一辆电动车", "一辆小轿车", "一名行人", "一辆公交车", "一辆快递三轮车"]),
        ("{noise}", ["装修电钻声", "广场舞音响声", "KTV唱歌声", "工地施工声", "楼上拖拽家具声"]),
        ("{late}", ["深夜", "凌晨一点多", "晚上十一点后", "中午午休时间"]),
        ("{goods}", ["水果", "烧烤", "衣服", "小吃", "蔬菜"]),
        ("{work}", ["工地", "装修公司", "饭店", "物流公司", "服装厂"]),
        ("{relative}", ["父亲", "母亲", "儿子", "女儿", "爷爷", "奶奶"]),
        ("{clothes}", ["上身穿蓝色外套", "穿灰色羽绒服", "穿红色上衣", "穿校服"]),
        ("{smell}", ["煤气味", "焦糊味", "烟味"]),
        ("{utility}", ["停水", "停电", "燃气管道漏气", "自来水管爆裂"]),
        ("{scam}", ["冒充客服称其快递丢失需退款", "以刷单返利为由", "冒充公检法称其涉嫌洗钱", "以低价出售游戏装备为由"]),
    ];

    private static readonly Dictionary<string, int> Weights = new(StringComparer.Ordinal)
    {
        ["theft"] = 10, ["fight"] = 6, ["assault"] = 4, ["fraud"] = 6, ["traffic-accident"] = 10, ["traffic-jam"] = 3,
        ["noise"] = 8, ["neighbour-dispute"] = 6, ["family-dispute"] = 5, ["consumer-dispute"] = 4, ["labour-dispute"] = 3,
        ["wage-arrears"] = 3, ["street-vending"] = 3, ["missing-person"] = 2, ["robbery"] = 1, ["fire"] = 1, ["gathering"] = 1,
    };

    private static readonly Dictionary<string, string[]> Templates = new(StringComparer.Ordinal)
    {
        ["theft"] =
        [
            "报警人称其停放在小区楼下的{vehicle}被盗，{colour}{brand}，价值约{amount}元。",
            "报警人称其在{venue}内吃饭时放在椅子上的手机被人偷走。",
            "报警人称其家中被盗，门锁有撬动痕迹，丢失现金约{amount}元及首饰若干。",
            "报警人称其停在路边的车辆车窗被砸，车内背包被盗。",
            "报警人称快递柜旁的快递包裹被人拿走，监控拍到一名男子。",
        ],
        ["robbery"] =
        [
            "报警人称刚才在路边被一名骑电动车的男子抢走手提包，嫌疑人往东逃跑。",
            "报警人称其在地下通道被两名男子拦住索要钱财，被抢走现金{amount}元。",
        ],
        ["assault"] =
        [
            "报警人称其在{venue}门口被一名男子殴打，头部出血，需要救护车。",
            "报警人称因停车问题被对方打了几拳，对方还在现场。",
            "报警人称其在送外卖时被顾客推倒殴打。",
        ],
        ["fight"] =
        [
            "{men}在{venue}门口发生口角并互殴，现场有人受伤。",
            "报警人称{venue}内有人打架，约五六个人，有人拿酒瓶。",
            "{men}在路边因交通纠纷发生打斗，围观群众较多。",
        ],
        ["fraud"] =
        [
            "报警人称被人{scam}，被骗{amount}元。",
            "报警人称在网上购买二手手机，付款{amount}元后对方将其拉黑。",
            "报警人称其{relative}接到电话，对方{scam}，已转账{amount}元。",
        ],
        ["traffic-accident"] =
        [
            "{car}与{other}发生碰撞，有人受伤，需要救护车。",
            "{car}追尾{other}，无人员受伤，双方对责任有争议。",
            "{car}撞到路边护栏后驾驶员弃车离开，车辆堵住一条车道。",
            "一辆电动车在路口摔倒，骑车人倒地不起，肇事车辆已逃逸。",
        ],
        ["traffic-jam"] =
        [
            "报警人称路口信号灯故障，车辆堵成一团，需交警疏导。",
            "报警人称{car}违停在路口，造成严重拥堵已{minutes}分钟。",
        ],
        ["missing-person"] =
        [
            "报警人称其{relative}（{age}岁）{minutes}分钟前在附近走失，{clothes}。",
            "报警人称其患有阿尔茨海默症的{relative}早上出门后一直未归，{clothes}。",
        ],
        ["gathering"] =
        [
            "报警人称约三十名工人聚集在{work}门口讨要说法，情绪激动。",
            "报警人称小区业主二十余人聚集在售楼处，要求开发商出面。",
        ],
        ["fire"] =
        [
            "报警人称对面楼有户人家阳台冒烟，能看到明火。",
            "报警人称{venue}后厨起火，人员正在撤离。",
            "报警人称楼道内电动车充电时起火，烟很大。",
        ],
        ["facility-hazard"] =
        [
            "报警人称路面有一处井盖缺失，已有电动车差点掉进去。",
            "报警人称路边一棵大树被风吹倒，压住人行道。",
        ],
        ["noise"] =
        [
            "报警人称{late}楼上一直有{noise}，影响休息，多次沟通无果。",
            "报警人称附近{noise}很大，已持续{minutes}分钟，请求处理。",
            "报警人称小区广场{late}有人放音乐跳舞，声音很大。",
        ],
        ["street-vending"] =
        [
            "报警人称路口有人摆摊卖{goods}，占用人行道，行人只能走机动车道。",
            "报警人称小区门口流动摊贩占道卖{goods}，造成拥堵。",
        ],
        ["illegal-building"] =
        [
            "报警人称楼下住户在公共绿地上私自搭建棚屋。",
            "报警人称顶楼住户正在楼顶违章加盖房间。",
        ],
        ["cooking-fumes"] =
        [
            "报警人称楼下{venue}排出的油烟直冲其家窗户，无法开窗。",
        ],
        ["market-complaint"] =
        [
            "报警人称在{venue}购买的食品已过期，商家拒绝退换。",
            "报警人称菜场摊主缺斤短两，称重少了将近一半。",
        ],
        ["wage-arrears"] =
        [
            "报警人称其在{work}打工，老板拖欠三个月工资共{amount}元，现在联系不上。",
            "报警人称与工友共十余人被{work}拖欠工资，要求帮助。",
        ],
        ["utility-failure"] =
        [
            "报警人称小区{utility}，已经好几个小时，物业无人处理。",
            "报警人称楼道内闻到{smell}，怀疑{utility}。",
        ],
        ["consultation"] =
        [
            "报警人咨询身份证丢失后如何补办。",
            "报警人咨询电动车上牌需要哪些材料。",
        ],
        ["neighbour-dispute"] =
        [
            "报警人称与邻居因楼道堆放杂物发生纠纷，双方争吵。",
            "报警人称楼上漏水到其家中，与楼上住户协商不成发生争执。",
            "报警人称邻居在公共走廊安装摄像头对着其家门，双方发生口角。",
        ],
        ["family-dispute"] =
        [
            "报警人称与丈夫因家务事发生争吵，对方摔砸家中物品。",
            "报警人称其{relative}酒后在家中吵闹，情绪激动。",
            "报警人称与家人因房产分割问题发生争执。",
        ],
        ["consumer-dispute"] =
        [
            "报警人称在{venue}消费后对账单有异议，与店方发生争执。",
            "报警人称在美发店办卡后店铺关门，要求退费{amount}元。",
            "报警人称网约车司机绕路多收费，双方在路边争执。",
        ],
        ["labour-dispute"] =
        [
            "报警人称被{work}无故辞退，与老板就补偿问题发生争执。",
            "报警人称在{work}工作时受伤，老板不肯承担医药费。",
        ],
        ["property-dispute"] =
        [
            "报警人称物业不让其电动车进小区，与保安发生争执。",
            "报警人称物业以欠物业费为由给其家停水，双方发生争吵。",
        ],
    };

    // What a call taker files under "other": the caller's words fit no category, or not yet.
    private static readonly string[] OtherDescriptions =
    [
        "报警人称家门口被人放置一个不明包裹，不敢打开。",
        "报警人称楼道里有{smell}，不知道从哪里传来。",
        "报警人称看到一名男子在小区里来回徘徊，形迹可疑。",
        "报警人称有人在其车上贴了一张写有威胁字样的纸条。",
        "报警人称路边有一只受伤的流浪狗，需要帮助。",
    ];
}
