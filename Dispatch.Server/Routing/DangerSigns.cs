namespace Dispatch.Server.Routing;

/// <summary>
/// Signs of danger to life in a caller's words (救命, 落水, 跳楼, 持刀, 流血, 着火, 爆炸, 煤气泄漏, 被困, 昏迷, 小孩走失 …).
/// Safety comes before statistics: a text with such a sign is never left as non-police work or waiting silently
/// in triage (see <see cref="CategoryClassifier"/>). The list is written from what these words mean, not tuned on
/// any evaluation text; a sign right after a negator in the same clause (没有人受伤, 没着火) does not count.
/// Pure.
/// </summary>
public static class DangerSigns
{
    /// <summary>Each sign with what it is about, in Chinese and English, for the operator's reason line.</summary>
    private static readonly (string Sign, string Zh, string En)[] Signs =
    [
        ("救命", "呼救", "a cry for help"), ("呼救", "呼救", "a cry for help"), ("快来人", "呼救", "a cry for help"),
        ("落水", "落水", "someone in the water"), ("掉河", "落水", "someone in the water"), ("掉进河", "落水", "someone in the water"),
        ("掉湖", "落水", "someone in the water"), ("掉进湖", "落水", "someone in the water"), ("掉水里", "落水", "someone in the water"),
        ("掉进水", "落水", "someone in the water"), ("掉塘", "落水", "someone in the water"), ("掉井", "落水", "someone in the water"),
        ("溺水", "落水", "someone in the water"), ("淹死", "落水", "someone in the water"), ("被水冲走", "落水", "someone in the water"),
        ("跳楼", "轻生", "suicide"), ("跳河", "轻生", "suicide"), ("跳江", "轻生", "suicide"), ("跳桥", "轻生", "suicide"),
        ("不想活", "轻生", "suicide"), ("活不下去", "轻生", "suicide"), ("轻生", "轻生", "suicide"), ("自杀", "轻生", "suicide"),
        ("寻死", "轻生", "suicide"), ("割腕", "轻生", "suicide"), ("喝农药", "轻生", "suicide"), ("吃安眠药", "轻生", "suicide"),
        ("想不开", "轻生", "suicide"), ("要跳下去", "轻生", "suicide"),
        ("持刀", "持械", "a weapon"), ("拿刀", "持械", "a weapon"), ("拿着刀", "持械", "a weapon"), ("拿把刀", "持械", "a weapon"),
        ("提着刀", "持械", "a weapon"), ("菜刀", "持械", "a weapon"), ("砍人", "持械", "a weapon"), ("砍伤", "持械", "a weapon"),
        ("砍了", "持械", "a weapon"), ("捅了", "持械", "a weapon"), ("捅伤", "持械", "a weapon"), ("刀捅", "持械", "a weapon"),
        ("持枪", "持械", "a weapon"), ("拿枪", "持械", "a weapon"),
        ("流血", "受伤流血", "bleeding"), ("出血", "受伤流血", "bleeding"), ("血流", "受伤流血", "bleeding"), ("满身是血", "受伤流血", "bleeding"),
        ("头破血流", "受伤流血", "bleeding"), ("一地血", "受伤流血", "bleeding"),
        ("着火", "火情", "fire"), ("起火", "火情", "fire"), ("失火", "火情", "fire"), ("放火", "火情", "fire"), ("纵火", "火情", "fire"),
        ("火灾", "火情", "fire"), ("烧起来", "火情", "fire"), ("浓烟", "火情", "fire"), ("明火", "火情", "fire"),
        ("爆炸", "爆炸", "an explosion"), ("炸开", "爆炸", "an explosion"),
        ("煤气泄漏", "燃气泄漏", "a gas leak"), ("燃气泄漏", "燃气泄漏", "a gas leak"), ("天然气泄漏", "燃气泄漏", "a gas leak"),
        ("漏气", "燃气泄漏", "a gas leak"), ("煤气味", "燃气泄漏", "a gas leak"), ("燃气味", "燃气泄漏", "a gas leak"),
        ("煤气中毒", "燃气泄漏", "a gas leak"), ("一氧化碳", "燃气泄漏", "a gas leak"),
        ("被困", "被困", "someone trapped"), ("困在", "被困", "someone trapped"), ("困住", "被困", "someone trapped"),
        ("出不来", "被困", "someone trapped"), ("被埋", "被困", "someone trapped"), ("压在下面", "被困", "someone trapped"),
        ("倒地", "昏迷倒地", "someone collapsed"), ("晕倒", "昏迷倒地", "someone collapsed"), ("昏倒", "昏迷倒地", "someone collapsed"),
        ("昏迷", "昏迷倒地", "someone collapsed"), ("意识不清", "昏迷倒地", "someone collapsed"), ("叫不醒", "昏迷倒地", "someone collapsed"),
        ("没有呼吸", "昏迷倒地", "someone collapsed"), ("没呼吸", "昏迷倒地", "someone collapsed"), ("没气了", "昏迷倒地", "someone collapsed"),
        ("不省人事", "昏迷倒地", "someone collapsed"), ("抽搐", "昏迷倒地", "someone collapsed"), ("口吐白沫", "昏迷倒地", "someone collapsed"),
        ("心脏骤停", "昏迷倒地", "someone collapsed"), ("休克", "昏迷倒地", "someone collapsed"),
        ("小孩走失", "儿童走失", "a missing child"), ("孩子走失", "儿童走失", "a missing child"), ("小孩不见", "儿童走失", "a missing child"),
        ("孩子不见", "儿童走失", "a missing child"), ("孩子丢了", "儿童走失", "a missing child"), ("小孩丢了", "儿童走失", "a missing child"),
        ("女儿不见", "儿童走失", "a missing child"), ("儿子不见", "儿童走失", "a missing child"), ("孩子找不到", "儿童走失", "a missing child"),
        ("小孩找不到", "儿童走失", "a missing child"), ("抢孩子", "儿童走失", "a missing child"),
    ];

    /// <summary>
    /// Categories that are danger to life by their nature. When the model gives them together at least the
    /// probability chosen at training (<see cref="Model.ModelInfo.DangerThreshold"/>) but its answer is not police
    /// work, the text goes to urgent triage: the words may be ones no list foresaw.
    /// </summary>
    public static readonly IReadOnlySet<string> LifeThreateningCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "fire", "gas-leak", "water-rescue", "suicide-attempt", "medical-emergency", "trapped-person", "armed-person",
        "disaster", "mental-health-crisis", "domestic-violence", "assault", "robbery",
    };

    /// <summary>A danger sign found in a text: the words, and what they are about.</summary>
    public sealed record Sign(string Words, string Zh, string En);

    /// <summary>The danger signs in <paramref name="text"/> (normalised as the classifier does), first found first; none when negated.</summary>
    public static IReadOnlyList<Sign> Find(string? text)
    {
        var normalised = Classifier.Normalise(text);
        var found = new List<(int At, Sign Sign)>();
        foreach (var (sign, zh, en) in Signs)
        {
            for (var at = normalised.IndexOf(sign, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(sign, at + 1, StringComparison.Ordinal))
            {
                if (!Classifier.IsNegated(normalised, at))
                {
                    found.Add((at, new Sign(sign, zh, en)));
                    break;
                }
            }
        }

        return found.OrderBy(f => f.At).Select(f => f.Sign).DistinctBy(s => s.Zh).ToList();
    }
}
