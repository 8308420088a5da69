using System.Globalization;
using FairSharp.Data;
using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>
/// The rationale probe: for any <see cref="FairNetwork"/> and the rows of each subgroup, the influence of every output
/// neuron of every weight layer (Linear and Conv) on the subgroup's mean BCE loss L_g (FAIRER §3). Weight-Taylor
/// (default): I_g[k] = Σ_{j ∈ fan-in of k} (W_kj · ∂L_g/∂W_kj)², biases excluded. Activation-Taylor (option):
/// I_g[k] = (Σ z_k · ∂L_g/∂z_k)². The model runs in evaluation mode (dropout off, batch-norm running statistics), and
/// its training mode and <c>requires_grad</c> flags are restored afterwards.
/// </summary>
public static class RationaleProbe
{
    /// <summary>Error text: fewer than two strata have rows (format: split name, partition, strata with rows).</summary>
    public const string TooFewStrata = "rationale probe needs rows from at least two groups in split '{0}' ({1}), got {2}";

    /// <summary>Error text: a stratum batch without rows (format: stratum name).</summary>
    public const string EmptyBatch = "rationale probe: stratum '{0}' has no rows";

    /// <summary>Error text: the split's sample shape does not match the model (format: split, shape, model shape).</summary>
    public const string ShapeMismatch = "split '{0}' has samples of shape [{1}] but the model takes [{2}]";

    /// <summary>Measures every stratum of <paramref name="split"/> (groups, or (group, label) cells).</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="split">Rows to measure on (typically the test split).</param>
    /// <param name="groupNames">Group names, index = group.</param>
    /// <param name="options">Probe settings.</param>
    public static RationaleMeasurement Measure(FairNetwork model, DataSplit split, IReadOnlyList<string> groupNames, RationaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(groupNames);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!split.SampleShape.SequenceEqual(model.Spec.InputShape))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ShapeMismatch, split.Name,
                string.Join(",", split.SampleShape), string.Join(",", model.Spec.InputShape)));
        }

        var strata = StrataRows(split, groupNames, options);
        if (strata.Count < 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, TooFewStrata, split.Name,
                options.Partition == RationalePartition.ByGroup ? "by group" : "by group within label", strata.Count));
        }

        using var scope = NewDisposeScope();
        var device = model.Head.weight!.device;
        var dtype = model.Head.weight!.dtype;
        var batches = strata.Select(s =>
        {
            var tensors = TensorConversion.ToTensors(split, s.Rows, device);
            return new RationaleBatch(s.Name, s.Group, s.Label, tensors.X.to(dtype), tensors.Y.to(dtype));
        }).ToArray();
        return Measure(model, batches, options);
    }

    /// <summary>Measures the given stratum batches (each must have rows).</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="batches">One batch per stratum.</param>
    /// <param name="options">Probe settings (<see cref="RationaleOptions.Kind"/>, <see cref="RationaleOptions.ChunkSize"/>,
    /// <see cref="RationaleOptions.Partition"/> recorded in the result; the row cap applies to splits only).</param>
    public static RationaleMeasurement Measure(FairNetwork model, IReadOnlyList<RationaleBatch> batches, RationaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var layers = model.WeightLayers;
        var wasTraining = model.training;
        var flags = layers.Select(l => l.Weight.requires_grad).ToArray();
        model.eval();
        try
        {
            foreach (var layer in layers)
            {
                layer.Weight.requires_grad_(true);
            }

            using var gradMode = enable_grad();
            var strata = batches.Select(b => MeasureStratum(model, layers, b, options)).ToArray();
            return new RationaleMeasurement(options.Kind, options.Partition, RationaleLayer.Of(model), strata);
        }
        finally
        {
            for (var i = 0; i < layers.Count; i++)
            {
                layers[i].Weight.requires_grad_(flags[i]);
            }

            model.train(wasTraining);
        }
    }

    private static StratumInfluence MeasureStratum(FairNetwork model, IReadOnlyList<WeightLayer> layers, RationaleBatch batch, RationaleOptions options)
    {
        using var scope = NewDisposeScope();
        var n = batch.X.shape[0];
        if (n == 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, EmptyBatch, batch.Name));
        }

        var sums = new Tensor?[layers.Count];
        var weights = layers.Select(l => (Tensor)l.Weight).ToList();
        double loss = 0;
        for (long start = 0; start < n; start += options.ChunkSize)
        {
            using var chunkScope = NewDisposeScope();
            var len = Math.Min(options.ChunkSize, n - start);
            var x = batch.X.narrow(0, start, len);
            var y = batch.Y.narrow(0, start, len);
            IList<Tensor> parts;
            if (options.Kind == InfluenceKind.WeightTaylor)
            {
                var chunkLoss = ChunkLoss(model.forward(x), y, n);
                parts = autograd.grad([chunkLoss], weights);
                loss += chunkLoss.ToDouble();
            }
            else
            {
                var trace = model.Trace(x);
                var chunkLoss = ChunkLoss(trace.Logits, y, n);
                var outputs = trace.LayerOutputs.ToList();
                var gradients = autograd.grad([chunkLoss], outputs);
                parts = outputs.Select((z, i) => NeuronInfluence.GateGradient(z, gradients[i])).ToList();
                loss += chunkLoss.ToDouble();
            }

            for (var l = 0; l < layers.Count; l++)
            {
                var part = parts[l].detach().to(float64);
                if (sums[l] is { } sum)
                {
                    sum.PlusInPlace(part);
                }
                else
                {
                    sums[l] = part.clone().MoveToOuterDisposeScope();
                }
            }
        }

        var influence = new IReadOnlyList<double>[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            var values = options.Kind == InfluenceKind.WeightTaylor
                ? NeuronInfluence.WeightTaylor(layers[l].Weight.detach().to(float64), sums[l]!)
                : sums[l]!.Squared();
            influence[l] = values.cpu().data<double>().ToArray();
        }

        return new StratumInfluence(batch.Name, batch.Group, batch.Label, (int)n, loss, influence);
    }

    // Σ over the chunk of the per-row BCE, divided by the stratum's row count: the chunks add up to the mean loss.
    private static Tensor ChunkLoss(Tensor logits, Tensor y, long rows) =>
        nn.functional.binary_cross_entropy_with_logits(logits, y, reduction: nn.Reduction.Sum).DividedBy(rows);

    private static List<(string Name, int Group, int? Label, int[] Rows)> StrataRows(DataSplit split, IReadOnlyList<string> groupNames, RationaleOptions options)
    {
        var byLabel = options.Partition == RationalePartition.ByGroupWithinLabel;
        var result = new List<(string, int, int?, int[])>();
        var random = new Random(options.Seed);
        var labels = byLabel ? new int?[] { 0, 1 } : [null];
        foreach (var label in labels)
        {
            for (var g = 0; g < groupNames.Count; g++)
            {
                var rows = Enumerable.Range(0, split.Count)
                    .Where(i => split.Groups[i] == g && (label is null || split.Labels[i] == label))
                    .ToArray();
                if (rows.Length == 0)
                {
                    continue;
                }

                if (options.MaxRowsPerStratum is { } cap && rows.Length > cap)
                {
                    random.Shuffle(rows);
                    rows = rows[..cap];
                    Array.Sort(rows);
                }

                var name = label is null ? groupNames[g] : $"{groupNames[g]}|y={label}";
                result.Add((name, g, label, rows));
            }
        }

        return result;
    }
}
