using BenchmarkDotNet.Attributes;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;

namespace FairSharp.Benchmarks;

/// <summary>
/// Loading and preprocessing Adult (read both files, verify sha256 and row counts, parse, filter, encode, split)
/// under the <c>ffb</c> and <c>fairmixup</c> protocols. Target: under 1 s each after JIT.
/// </summary>
[MemoryDiagnoser]
public class AdultLoadingBenchmarks
{
    private string _dir = "";

    [GlobalSetup]
    public void Setup() => _dir = DataDirectory.Locate();

    [Benchmark]
    public int AdultFfb() => DatasetLoader.Prepare(new DataRequest("adult", ["sex"], FfbProtocol.ProtocolName, 0) { DataDirectory = _dir }).Train.Count;

    [Benchmark]
    public int AdultFairMixup() => DatasetLoader.Prepare(new DataRequest("adult", ["sex"], FairMixupProtocol.ProtocolName, 0) { DataDirectory = _dir }).Train.Count;
}
