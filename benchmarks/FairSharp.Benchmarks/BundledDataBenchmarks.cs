using BenchmarkDotNet.Attributes;
using FairSharp.Data.Catalogue;

namespace FairSharp.Benchmarks;

/// <summary>Cost of verifying every bundled file (sha256 + row count), paid by <c>fairsharp datasets</c>.</summary>
[MemoryDiagnoser]
public class BundledDataBenchmarks
{
    private string _dir = "";

    [GlobalSetup]
    public void Setup() => _dir = DataDirectory.Locate();

    [Benchmark]
    public int VerifyAllBundledFiles() => FileVerifier.VerifyAll(_dir).Count;
}
