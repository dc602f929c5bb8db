using System.Globalization;
using System.Security.Cryptography;
using Dispatch.Server.Intake;
using Dispatch.Server.Routing;

namespace Dispatch.Server.Demo;

/// <summary>
/// Invents 110 alerts from Hangzhou's east side (上城区: 彭埠, 九堡, 笕桥, 丁兰, 四季青, 闸弄口) for demos and load
/// runs. Pure and seeded: the same <see cref="Random"/> seed and run id give the same alerts, so a demo can be
/// replayed; the run id keeps alert ids of different runs apart, since intake treats a repeated id as a resend.
/// Not thread-safe (neither is <see cref="Random"/>).
/// </summary>
public sealed partial class DemoAlertGenerator
{
    /// <summary>The area the positions fall in (WGS-84).</summary>
    public const double MinLon = 120.16, MaxLon = 120.24, MinLat = 30.26, MaxLat = 30.32;

    /// <summary>The share of located calls placed inside the demo street.</summary>
    public const double InDemoStreetShare = 0.9;

    /// <summary>Roughly this share of alerts come without a category code: the call taker did not pick one.</summary>
    public const double NoCategoryShare = 0.05;

    /// <summary>Roughly this share come as <c>other</c>: nothing in the list fitted.</summary>
    public const double OtherCategoryShare = 0.03;

    public const string OtherCategoryCode = "other";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private const string RunIdAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private readonly Random random;
    private readonly List<(string Code, int Weight)> categories;
    private readonly int totalWeight;
    private int sequence;

    /// <param name="random">The source of every choice; seed it to replay a run.</param>
    /// <param name="runId">Goes into each alert id; see <see cref="NewRunId"/>.</param>
    /// <param name="catalogue">The category table; the embedded one by default.</param>
    public DemoAlertGenerator(Random random, string runId, CategoryCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        this.random = random;
        RunId = runId;
        catalogue ??= CategoryCatalogue.LoadEmbedded();

        // Only codes the server knows, so that a demo never shows triage for a reason other than the intended ones.
        categories = catalogue.All
            .Where(c => Templates.ContainsKey(c.Code))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.Code, Weights.GetValueOrDefault(c.Code, 2)))
            .ToList();
        if (categories.Count == 0)
        {
            throw new InvalidOperationException("No category of the catalogue has demo descriptions.");
        }

        totalWeight = categories.Sum(c => c.Weight);
    }

    public string RunId { get; }

    /// <summary>The category codes this generator has descriptions for.</summary>
    public static IReadOnlyCollection<string> KnownCategoryCodes => Templates.Keys;

    /// <summary>Six characters from a cryptographic source: two runs sharing a seed still get different ids.</summary>
    public static string NewRunId() => RandomNumberGenerator.GetString(RunIdAlphabet, 6);

    /// <summary>The next alert, received at <paramref name="now"/> (written with the +08:00 offset the 110 platform uses).</summary>
    public AlertSubmission Next(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaStandardTime);
        sequence++;
        var alertId = string.Create(CultureInfo.InvariantCulture, $"110-{local:yyyyMMdd}-{RunId}-{sequence:000000}");

        var roll = random.NextDouble();
        string? categoryCode;
        string description;
        if (roll < NoCategoryShare)
        {
            categoryCode = null;
            description = Describe(PickCategory());
        }
        else if (roll < NoCategoryShare + OtherCategoryShare)
        {
            categoryCode = OtherCategoryCode;
            description = Fill(Pick(OtherDescriptions));
        }
        else
        {
            categoryCode = PickCategory();
            description = Describe(categoryCode);
        }

        var place = Pick(Places);
        var landline = random.NextDouble() < 0.06;
        return new AlertSubmission
        {
            AlertId = alertId,
            ReceivedAt = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            CategoryCode = categoryCode,
            Description = description,
            Address = Address(place),
            // A landline call carries no handset position; the address is all the call taker has.
            Location = landline ? null : Position(place),
            CallerPhone = landline ? LandlinePhone() : MobilePhone(),
        };
    }

    /// <summary><paramref name="count"/> alerts, all received at <paramref name="now"/>.</summary>
    public IReadOnlyList<AlertSubmission> Generate(int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var alerts = new List<AlertSubmission>(count);
        for (var i = 0; i < count; i++)
        {
            alerts.Add(Next(now));
        }

        return alerts;
    }

    private string PickCategory()
    {
        var n = random.Next(totalWeight);
        foreach (var (code, weight) in categories)
        {
            if (n < weight)
            {
                return code;
            }

            n -= weight;
        }

        return categories[^1].Code;
    }

    private string Describe(string categoryCode) => Fill(Pick(Templates[categoryCode]));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Replaces the {slots} of a template, so that the same sentence comes with different details.</summary>
    private string Fill(string template)
    {
        var text = template;
        foreach (var (slot, values) in Slots)
        {
            while (text.Contains(slot, StringComparison.Ordinal))
            {
                var at = text.IndexOf(slot, StringComparison.Ordinal);
                text = string.Concat(text.AsSpan(0, at), Pick(values), text.AsSpan(at + slot.Length));
            }
        }

        if (text.Contains("{amount}", StringComparison.Ordinal))
        {
            text = text.Replace("{amount}", (random.Next(2, 120) * 100).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (text.Contains("{age}", StringComparison.Ordinal))
        {
            text = text.Replace("{age}", random.Next(4, 86).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (text.Contains("{minutes}", StringComparison.Ordinal))
        {
            text = text.Replace("{minutes}", (random.Next(1, 12) * 5).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    private string Address(Place place)
    {
        var road = Pick(place.Roads);
        return random.Next(4) switch
        {
            0 => $"上城区{place.Street}街道{road}{random.Next(1, 1500)}号",
            1 => $"上城区{place.Street}街道{road}{random.Next(1, 300)}弄{random.Next(1, 40)}号",
            2 => $"上城区{place.Street}街道{Pick(place.Communities)}{random.Next(1, 30)}幢{random.Next(1, 4)}单元{random.Next(1, 25)}{random.Next(1, 5):00}室",
            _ => $"上城区{place.Street}街道{road}与{Pick(place.Roads.Where(r => r != road).ToList())}交叉口",
        };
    }

    private SubmittedLocation Position(Place place)
    {
        // Most calls come from the demo street (云峰街道, the one jurisdiction the demo data draws): within about
        // 50 m of a grid's centre. One in ten comes from around the neighbouring streets, outside every demo
        // department's area, so a demo also shows what waits in triage and why.
        double lon, lat;
        if (random.NextDouble() < InDemoStreetShare)
        {
            var grid = Pick(DemoGridEventGenerator.Grids);
            lon = grid.Lon + ((random.NextDouble() - 0.5) * 0.001);
            lat = grid.Lat + ((random.NextDouble() - 0.5) * 0.001);
        }
        else
        {
            lon = place.Lon + ((random.NextDouble() - 0.5) * 0.012);
            lat = place.Lat + ((random.NextDouble() - 0.5) * 0.010);
        }

        return new SubmittedLocation { Lon = Math.Round(Math.Clamp(lon, MinLon, MaxLon), 6), Lat = Math.Round(Math.Clamp(lat, MinLat, MaxLat), 6), Crs = "wgs84" };
    }

    private string MobilePhone() =>
        Pick(MobilePrefixes) + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    private string LandlinePhone() =>
        "0571-8" + random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);
}
