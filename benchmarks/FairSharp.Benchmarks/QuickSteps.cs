using System.Diagnostics;
using System.Globalization;

namespace FairSharp.Benchmarks;

/// <summary>A quick look at the step costs without BenchmarkDotNet's statistics (<c>-- quick [steps]</c>): runs each
/// step of <see cref="FairerStepBenchmarks"/> interleaved, round after round, and prints medians and ratios to ERM.
/// The reported numbers come from the BenchmarkDotNet run; this is for iterating on the code.</summary>
internal static class QuickSteps
{
    public static void Run(int rounds)
    {
        var bench = new FairerStepBenchmarks();
        bench.SetupFairSharp();
        bench.SetupTorch();
        var steps = new (string Name, Action Step)[]
        {
            ("erm", () => bench.ErmStep()),
            ("gapreg", () => bench.GapRegStep()),
            ("fairer", () => bench.FairerStep()),
            ("fairer-authors-layout", () => bench.FairerStepAuthorsLayout()),
            ("torch-erm", bench.TorchErmStep),
            ("torch-ggpa", bench.TorchGgpaStep),
            ("torch-ggpa-shared", bench.TorchGgpaSharedStep),
        };
        var times = steps.Select(_ => new List<double>()).ToArray();
        for (var round = -2; round < rounds; round++)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                steps[i].Step();
                if (round >= 0)
                {
                    times[i].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        bench.Cleanup();
        var erm = Median(times[0]);
        for (var i = 0; i < steps.Length; i++)
        {
            var median = Median(times[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps[i].Name,-24} median {median,8:F2} ms  x ERM {median / erm,5:F2}"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
