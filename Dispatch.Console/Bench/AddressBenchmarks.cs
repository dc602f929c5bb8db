using BenchmarkDotNet.Attributes;
using Dispatch.Server.Addresses;

namespace Dispatch.Console.Bench;

/// <summary>
/// Matching address texts against a synthetic register of <see cref="Entries"/> addresses. Each operation is
/// <see cref="TextsPerOperation"/> matches; OperationsPerInvoke makes BenchmarkDotNet report the mean per text.
/// </summary>
[MemoryDiagnoser]
public class AddressBenchmarks
{
    public const int TextsPerOperation = 1000;

    private AddressIndex index = null!;
    private string[] texts = null!;

    [Params(50_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticAddresses.Build(Entries);
        index = AddressIndex.Build(entries);
        texts = SyntheticAddresses.Texts(entries, TextsPerOperation);
    }

    [Benchmark(OperationsPerInvoke = TextsPerOperation, Description = "AddressIndex.Match")]
    public int Match()
    {
        var found = 0;
        foreach (var text in texts)
        {
            if (index.Match(text).Best is not null)
            {
                found++;
            }
        }

        return found;
    }
}
