using BenchmarkDotNet.Attributes;
using Dispatch.Server.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Console.Bench;

/// <summary>
/// Classifying one text with the shipped model (loaded once, as the server does), side by side with the keyword
/// scoring it replaced as a baseline in the same run. Each invocation classifies every text of <see cref="Texts"/>;
/// OperationsPerInvoke makes the reported mean the cost of one text.
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    public static readonly string[] Texts =
    [
        "菜市场门口有个人在偷别人钱包，被我看见了", "楼上那家天天半夜唱歌，吵得孩子睡不着", "两车在路口蹭了一下，司机在吵",
        "房东不退押金，还把我东西扔到楼道里", "小区东门有人摆摊卖水果，把人行道占了一半", "我们工地老板三个月没发工资了，二十多个人",
        "路边有个老人倒在地上叫不醒", "烟感报警 设备号YG-2231 3幢2单元501 浓度超阈值", "请问办居住证需要带什么材料",
        "饭店后厨的油烟直接往居民楼排，熏得没法开窗",
    ];

    private CategoryClassifier model = null!;
    private CatalogueSnapshot catalogue = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalogue = CatalogueSnapshot.LoadEmbedded();
        model = RoutingSetup.LoadClassifier(new ClassifierSettings(ClassifierSettings.DefaultThreshold), NullLogger.Instance);
        if (model.Model is null)
        {
            throw new InvalidOperationException($"No model to measure: {model.ModelProblem}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 10, Description = "keyword scoring (the old classifier)")]
    public int Keywords()
    {
        var routed = 0;
        foreach (var text in Texts)
        {
            routed += Classifier.Classify(null, text, catalogue, ClassifierSettings.DefaultThreshold).NeedsTriage ? 0 : 1;
        }

        return routed;
    }

    [Benchmark(OperationsPerInvoke = 10, Description = "model + safety rule (CategoryClassifier)")]
    public int Model()
    {
        var routed = 0;
        foreach (var text in Texts)
        {
            routed += model.Classify(null, text, catalogue).NeedsTriage ? 0 : 1;
        }

        return routed;
    }
}
