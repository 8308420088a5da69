using System.Diagnostics;
using System.Globalization;

namespace FairSharp.Benchmarks;

/// <summary>A quick look at the step costs without BenchmarkDotNet's statistics (<c>-- quick [steps]</c>): runs each
/// step of <see cref="FairerStepBenchmarks"/> interleaved, round after round, and prints medians and ratios to ERM.
/// Besides wall time it reports CPU time (this process, or the PyTorch child for the reference steps): on a shared,
/// oversubscribed machine the wall time mostly measures waiting for a core, while with one torch thread the CPU time
/// of a step is its cost.</summary>
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
        var cpu = steps.Select(_ => new List<double>()).ToArray();
        using var self = Process.GetCurrentProcess();
        for (var round = -2; round < rounds; round++)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var process = steps[i].Name.StartsWith("torch", StringComparison.Ordinal) ? bench.ReferenceProcess! : self;
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                steps[i].Step();
                var wall = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                if (round >= 0)
                {
                    times[i].Add(wall);
                    cpu[i].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }
        }

        bench.Cleanup();
        var erm = Median(times[0]);
        var ermCpu = Median(cpu[0]);
        var torchGgpaCpu = Median(cpu[5]);
        Console.WriteLine($"{rounds} interleaved rounds, torch threads {FairerStepBenchmarks.Threads}; medians");
        int[] widths = [120, 200, 200, 1];
        var ermMacs = GgpaWork.Erm(2000, widths);
        var ggpaMacs = GgpaWork.Ggpa(2000, widths);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"work floor (MACs, MLP 120-200-200-1, 2000 rows): erm {ermMacs / 1e6:F0} M, exact ggpa {ggpaMacs / 1e6:F0} M, ratio {ggpaMacs / ermMacs:F2}"));
        for (var i = 0; i < steps.Length; i++)
        {
            var median = Median(times[i]);
            var cpuMedian = Median(cpu[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{steps[i].Name,-24} wall {median,8:F2} ms (x ERM {median / erm,5:F2})   cpu {cpuMedian,8:F2} ms (x ERM {cpuMedian / ermCpu,5:F2}, x torch-ggpa {cpuMedian / torchGgpaCpu,5:F2})"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
