using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Dispatch.Server.Operations.Metrics;

/// <summary>
/// Renders System.Diagnostics.Metrics in the Prometheus text format (0.0.4). The OpenTelemetry Prometheus
/// exporter is only a beta on our package source and mixes two in-process servers' counts, so this small
/// listener aggregates per server:
/// counters as sums, up-down counters and gauges as values, histograms as cumulative buckets.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Meters exported besides this app's own: the bus, SignalR connections and Kestrel.</summary>
    public static readonly IReadOnlySet<string> SharedMeters = new HashSet<string>(StringComparer.Ordinal)
    {
        "MassTransit",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Server.Kestrel",
    };

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> states = new();

    public PrometheusExporter(DispatchMetrics own)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Our meter only from our own factory: several servers may share a test process.
            if (ReferenceEquals(instrument.Meter, own.Meter) || SharedMeters.Contains(instrument.Meter.Name))
            {
                states[instrument] = new InstrumentState(instrument, BucketsOf(instrument));
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.MeasurementsCompleted = (instrument, _) => states.TryRemove(instrument, out InstrumentState? _);
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public string Render()
    {
        listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var state in states.Values.OrderBy(s => s.Instrument.Meter.Name, StringComparer.Ordinal).ThenBy(s => s.Instrument.Name, StringComparer.Ordinal))
        {
            state.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (states.TryGetValue(instrument, out var state))
        {
            state.Record(value, Labels(tags));
        }
    }

    private static double[]? BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => [.. b],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(x => (double)x)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(x => (double)x)],
        _ when instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal) =>
            instrument.Unit == "ms" ? [.. DefaultBuckets.Select(b => b * 1000)] : DefaultBuckets,
        _ => null,
    };

    /// <summary>Tags as a Prometheus label set, sorted so that the same tags always make the same series.</summary>
    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{SanitiseName(key)}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(",", pairs);
    }

    internal static string SanitiseName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
    }

    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString(CultureInfo.InvariantCulture); // shortest round-trip form

    /// <summary>The aggregate of one instrument, per label set. Locked per instrument: scrapes are rare, records cheap.</summary>
    private sealed class InstrumentState(Instrument instrument, double[]? buckets)
    {
        private readonly Lock gate = new();
        private readonly Dictionary<string, Series> series = new(StringComparer.Ordinal);
        private readonly string kind = KindOf(instrument);

        public Instrument Instrument { get; } = instrument;

        public void Record(double value, string labels)
        {
            lock (gate)
            {
                if (!series.TryGetValue(labels, out var s))
                {
                    s = new Series(buckets is null ? null : new long[buckets.Length]);
                    series[labels] = s;
                }

                switch (kind)
                {
                    case "counter" when !Instrument.IsObservable:
                    case "updown":
                        s.Value += value;
                        break;
                    case "histogram":
                        s.Value += value;
                        s.Count++;
                        var index = Array.FindIndex(buckets!, b => value <= b);
                        if (index >= 0)
                        {
                            s.Buckets![index]++;
                        }

                        break;
                    default:
                        // Observable counters report their running total; gauges their current value.
                        s.Value = value;
                        break;
                }
            }
        }

        public void WriteTo(StringBuilder text)
        {
            var name = SanitiseName(Instrument.Name);
            var promType = kind switch { "counter" => "counter", "histogram" => "histogram", _ => "gauge" };
            if (kind == "counter")
            {
                name += "_total";
            }

            lock (gate)
            {
                if (series.Count == 0)
                {
                    return;
                }

                if (Instrument.Description is { Length: > 0 } help)
                {
                    text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
                }

                text.Append("# TYPE ").Append(name).Append(' ').Append(promType).Append('\n');
                foreach (var (labels, s) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (kind != "histogram")
                    {
                        text.Append(name).Append(Braces(labels)).Append(' ').Append(Number(s.Value)).Append('\n');
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i < buckets!.Length; i++)
                    {
                        cumulative += s.Buckets![i];
                        text.Append(name).Append("_bucket").Append(Braces(Join(labels, $"le=\"{Number(buckets[i])}\""))).Append(' ').Append(cumulative).Append('\n');
                    }

                    text.Append(name).Append("_bucket").Append(Braces(Join(labels, "le=\"+Inf\""))).Append(' ').Append(s.Count).Append('\n');
                    text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Number(s.Value)).Append('\n');
                    text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(s.Count).Append('\n');
                }
            }
        }

        private static string KindOf(Instrument instrument)
        {
            var type = instrument.GetType().Name;
            return type switch
            {
                _ when type.StartsWith("Counter", StringComparison.Ordinal) || type.StartsWith("ObservableCounter", StringComparison.Ordinal) => "counter",
                _ when type.StartsWith("UpDownCounter", StringComparison.Ordinal) => "updown",
                _ when type.StartsWith("Histogram", StringComparison.Ordinal) => "histogram",
                _ => "gauge",
            };
        }

        private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;
    }

    private sealed class Series(long[]? buckets)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[]? Buckets { get; } = buckets;
    }
}
