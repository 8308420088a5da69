using System.Diagnostics;
using System.Globalization;
using FairSharp.Data.Csv;
using FairSharp.Training.Checkpoints;

namespace FairSharp.Benchmarks;

/// <summary>
/// Timed runs for the user's-data path (docs/your-data.md): <c>-- csv-load FILE TARGET POSITIVE SENSITIVE</c> loads and
/// prepares a CSV once (<see cref="TabularSource.FromCsv"/>) and prints wall time, process CPU time and peak working
/// set; <c>-- predict-speed MODEL FILE</c> scores a CSV with <see cref="TrainedModel.Predict"/> (after one warm-up
/// call) and prints rows/s. Make a large file with <c>benchmarks/csv/make_adult_csv.py</c>.
/// </summary>
internal static class CsvTimings
{
    public static void Load(string[] args)
    {
        var options = new CsvDataOptions(args[1], args[3].Split(',')) { DataFile = args[0], Positive = args[2], Drop = args.Length > 4 ? args[4].Split(',') : [] };
        var (wall, cpu) = Time(() =>
        {
            var data = TabularSource.FromCsv(options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows {data.Train.Count + data.Validation.Count + data.Test.Count} (train {data.Train.Count}), inputs {data.Train.RowSize}, groups {data.GroupNames.Count}"));
        });
        Report("load+prepare", wall, cpu);
    }

    /// <summary><c>-- csv-read FILE</c>: only the reading part of <c>csv-load</c> (<see cref="TabularRows.ReadCsv"/>:
    /// parse, dictionary-encode, numbers kept as doubles), to split its time from the preparation's.</summary>
    public static void Read(string[] args)
    {
        var (wall, cpu) = Time(() =>
        {
            var rows = TabularRows.ReadCsv([args[0]], null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {rows.Count}, columns {rows.Header.Count}"));
        });
        Report("read", wall, cpu);
    }

    public static void Predict(string[] args)
    {
        using var model = TrainedModel.Load(args[0]);
        var rows = TabularRows.ReadCsv([args[1]], null);
        model.Predict(TabularRows.FromRecords(rows.Header, [rows.Header.Select((_, c) => rows.Value(0, c)).ToArray()]));
        var (wall, cpu) = Time(() => model.Predict(rows));
        Report("predict (encode + network)", wall, cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows: {rows.Count / wall.TotalSeconds:F0} rows/s wall, {rows.Count / cpu.TotalSeconds:F0} rows/CPU-s"));
    }

    /// <summary><c>-- onnx-speed MODEL FILE [ROWS]</c>: the same rows scored by ONNX Runtime (the exported graph, inputs
    /// built beforehand) and by FairSharp (<see cref="TrainedModel.Predict"/>: encoding + network), each after a warm-up.</summary>
    public static void Onnx(string[] args)
    {
        using var model = TrainedModel.Load(args[0]);
        var pre = model.RequirePreprocessing();
        var all = TabularRows.ReadCsv([args[1]], null);
        var n = Math.Min(all.Count, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
        var rows = TabularRows.FromRecords(all.Header, Enumerable.Range(0, n).Select(r => all.Header.Select((_, c) => all.Value(r, c)).ToArray()));
        var onnx = Path.Combine(Path.GetTempPath(), $"fairsharp-onnx-speed-{Environment.ProcessId}.onnx");
        FairSharp.Experiments.Export.OnnxExport.Write(model, onnx);
        try
        {
            using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(onnx);
            var inputs = new List<Microsoft.ML.OnnxRuntime.NamedOnnxValue>();
            var numeric = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>([n, pre.Numeric.Count]);
            for (var c = 0; c < pre.Numeric.Count; c++)
            {
                var column = rows.ColumnIndex(pre.Numeric[c].Name);
                for (var r = 0; r < n; r++)
                {
                    numeric[r, c] = float.TryParse(rows.Value(r, column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : float.NaN;
                }
            }

            inputs.Add(Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor(FairSharp.Experiments.Export.OnnxExport.NumericInput, numeric));
            foreach (var feature in pre.Categorical)
            {
                var column = rows.ColumnIndex(feature.Name);
                var text = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>([n, 1]);
                for (var r = 0; r < n; r++)
                {
                    text[r, 0] = rows.Value(r, column);
                }

                inputs.Add(Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor(feature.Name, text));
            }

            session.Run(inputs).Dispose();
            model.Predict(rows);
            var (ortWall, ortCpu) = Time(() => session.Run(inputs).Dispose());
            Report($"ONNX Runtime {n} rows", ortWall, ortCpu);
            var (fsWall, fsCpu) = Time(() => model.Predict(rows));
            Report($"FairSharp {n} rows", fsWall, fsCpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows/s wall: ONNX Runtime {n / ortWall.TotalSeconds:F0}, FairSharp {n / fsWall.TotalSeconds:F0}; rows/CPU-s: {n / ortCpu.TotalSeconds:F0} vs {n / fsCpu.TotalSeconds:F0}"));
        }
        finally
        {
            File.Delete(onnx);
        }
    }

    internal static (TimeSpan Wall, TimeSpan Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu0);
    }

    internal static void Report(string what, TimeSpan wall, TimeSpan cpu)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: wall {wall.TotalSeconds:F2} s, CPU {cpu.TotalSeconds:F2} s, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }
}
