using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>
/// A binary classifier that exposes its inside: <c>forward</c> returns one logit per row (shape [N]); <see cref="Trace"/>
/// returns every weight layer's output, the representation at every stitch point and the logits; <see cref="Bottom"/>
/// and <see cref="Top"/> cut it at any stitch point. Built as a list of <see cref="NetworkStage"/>s followed by a
/// linear head (no <c>Sequential</c>, whose forward disposes intermediates).
/// </summary>
/// <remarks>Designed for extension: <see cref="Mlp"/>, <see cref="SmallCnn"/> and <see cref="ResNet18"/> only supply
/// their stages. Parameter names are <c>stages.{i}.{local}.weight</c> and <c>head.weight</c>.</remarks>
public abstract class FairNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Target activation memory of one evaluation chunk (128 MiB); see <see cref="EvaluationChunk"/>.</summary>
    public const long EvaluationBudgetBytes = 128L << 20;

    private readonly ModuleList<NetworkStage> stages;
    private readonly Linear head;
    private IReadOnlyList<StitchPoint>? stitchPoints;

    /// <summary>Creates the network from its stages and the width of the last stage's (flat) output.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="spec">The spec that recreates this architecture.</param>
    /// <param name="stageList">Stages, input → output; the last one must output [N, <paramref name="penultimateWidth"/>].</param>
    /// <param name="penultimateWidth">Width of the penultimate representation, the head's input.</param>
    protected FairNetwork(string name, ModelSpec spec, IEnumerable<NetworkStage> stageList, int penultimateWidth) : base(name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stageList);
        Spec = spec;
        stages = new ModuleList<NetworkStage>(stageList.ToArray());
        if (stages.Count == 0)
        {
            throw new ArgumentException("a FairNetwork needs at least one stage", nameof(stageList));
        }

        head = nn.Linear(penultimateWidth, 1);
        RegisterComponents();
    }

    /// <summary>The spec that recreates this architecture (<see cref="ModelSpec.Build"/>).</summary>
    public ModelSpec Spec { get; }

    /// <summary>The output layer, Linear(penultimate width → 1).</summary>
    public Linear Head => head;

    /// <summary>Number of stitch points (= stages).</summary>
    public int StageCount => stages.Count;

    /// <summary>Every weight layer, input → output; the last is the head. Built on each access from the current
    /// parameters (moving the model to another device replaces its Parameter objects).</summary>
    public IReadOnlyList<WeightLayer> WeightLayers => BuildWeightLayers();

    /// <summary>Every parameter named <c>weight</c>, in registration order (the order of <c>named_parameters</c>): the
    /// <see cref="WeightLayers"/> plus the BatchNorm scales (kind <see cref="WeightLayerKind.Norm"/>, trace index −1).
    /// FAIRER's authors align all of them (<c>'weight' in name</c>).</summary>
    public IReadOnlyList<WeightLayer> AllWeights => BuildAllWeights();

    /// <summary>Every place the network can be cut, input → output; the last is the penultimate representation.</summary>
    public IReadOnlyList<StitchPoint> StitchPoints => stitchPoints ??= BuildStitchPoints();

    /// <summary>Index of the penultimate stitch point (the last one).</summary>
    public int PenultimateCut => stages.Count - 1;

    /// <summary>
    /// Whether a stitch at <paramref name="cut"/> is the penultimate stitch in another form: true at the penultimate
    /// point, and at a point whose map is [C, 1, 1] when every later stage is a global average pool. There the stitch
    /// (<see cref="Stitching.StitchLayer"/>: a 1×1 conv C → C) acts on one position, and the mean over that one position
    /// is the identity, so the stitched network computes exactly the functions of a Linear(C → C) stitch at the
    /// penultimate point. ResNet-18 at 32×32 is such a case: <c>layer4</c> is [512, 1, 1].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cut"/> is not a stitch point.</exception>
    public bool StitchesAsPenultimate(int cut)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cut);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cut, PenultimateCut);
        var shape = StitchPoints[cut].Shape;
        return cut == PenultimateCut
            || (shape.Count == 3 && shape[1] == 1 && shape[2] == 1 && stages.Skip(cut + 1).All(s => s is PoolStage));
    }

    /// <summary>Logits, one per row: shape [N].</summary>
    public override Tensor forward(Tensor input)
    {
        var h = input;
        for (var i = 0; i < stages.Count; i++)
        {
            h = stages[i].forward(h);
        }

        return head.forward(h).view(-1);
    }

    /// <summary>Runs the network and returns every intermediate it computed (see <see cref="ForwardTrace"/>).</summary>
    public ForwardTrace Trace(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var layerOutputs = new List<Tensor>();
        var stageOutputs = new List<Tensor>(stages.Count);
        var h = x;
        for (var i = 0; i < stages.Count; i++)
        {
            h = stages[i].Forward(h, layerOutputs);
            stageOutputs.Add(h);
        }

        var z = head.forward(h);
        layerOutputs.Add(z);
        return new ForwardTrace(layerOutputs, stageOutputs, z.view(-1));
    }

    /// <summary>Input → representation at stitch point <paramref name="cut"/> (shape [N, ..StitchPoints[cut].Shape]).</summary>
    public Tensor Bottom(int cut, Tensor x)
    {
        CheckCut(cut);
        var h = x;
        for (var i = 0; i <= cut; i++)
        {
            h = stages[i].forward(h);
        }

        return h;
    }

    /// <summary>Representation at stitch point <paramref name="cut"/> → logits, shape [N].</summary>
    public Tensor Top(int cut, Tensor h)
    {
        CheckCut(cut);
        for (var i = cut + 1; i < stages.Count; i++)
        {
            h = stages[i].forward(h);
        }

        return head.forward(h).view(-1);
    }

    /// <summary>The penultimate representation (input of the head), shape [N, width].</summary>
    public Tensor Representation(Tensor x) => Bottom(PenultimateCut, x);

    /// <summary>Rows per chunk when evaluating without gradients, so that one chunk's activations stay near
    /// <see cref="EvaluationBudgetBytes"/>: budget / (4 bytes × 8 live tensors × the widest activation per row), in
    /// [1, 8192]. The widest activation is taken as 4× the largest stitch point of a convolutional network (the stem's
    /// output before its max-pool) and the largest stitch point or input of an MLP.</summary>
    public int EvaluationChunk
    {
        get
        {
            long widest = Spec.InputShape.Aggregate(1L, (a, d) => a * d);
            foreach (var point in StitchPoints)
            {
                var size = point.Shape.Aggregate(1L, (a, d) => a * d);
                widest = Math.Max(widest, point.Shape.Count > 1 ? 4 * size : size);
            }

            return (int)Math.Clamp(EvaluationBudgetBytes / (4L * 8 * widest), 1, 8192);
        }
    }

    /// <summary>Probabilities P(y = 1 | x) for every row of <paramref name="x"/>, in evaluation mode and without
    /// gradients, computed in chunks of <paramref name="chunk"/> rows (0 = <see cref="EvaluationChunk"/>); each chunk's
    /// intermediates are freed before the next, so memory does not grow with the number of rows. The training mode is
    /// restored afterwards.</summary>
    public float[] PredictProbabilities(Tensor x, int chunk = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegative(chunk);
        chunk = chunk == 0 ? EvaluationChunk : chunk;
        var wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            var n = x.shape[0];
            var result = new float[n];
            for (long start = 0; start < n; start += chunk)
            {
                using var scope = NewDisposeScope();
                var len = Math.Min(chunk, n - start);
                var p = sigmoid(forward(x.narrow(0, start, len))).to(CPU).data<float>();
                p.CopyTo(result, (int)start);
            }

            return result;
        }
        finally
        {
            train(wasTraining);
        }
    }

    private void CheckCut(int cut)
    {
        if (cut < 0 || cut >= stages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(cut), cut, $"stitch point must be in 0..{stages.Count - 1}");
        }
    }

    private IReadOnlyList<WeightLayer> BuildWeightLayers()
    {
        var parameters = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var result = new List<WeightLayer>();
        for (var i = 0; i < stages.Count; i++)
        {
            foreach (var (local, kind) in stages[i].WeightModules)
            {
                var prefix = $"stages.{i}.{local}";
                var weight = parameters[prefix + ".weight"];
                parameters.TryGetValue(prefix + ".bias", out var bias);
                result.Add(new WeightLayer(prefix + ".weight", weight, bias, kind, (int)weight.shape[0], result.Count));
            }
        }

        result.Add(new WeightLayer("head.weight", head.weight!, head.bias, WeightLayerKind.Linear, 1, result.Count));
        return result;
    }

    private IReadOnlyList<WeightLayer> BuildAllWeights()
    {
        var layers = BuildWeightLayers().ToDictionary(l => l.Name, StringComparer.Ordinal);
        var result = new List<WeightLayer>();
        foreach (var (name, parameter) in named_parameters())
        {
            if (!name.EndsWith(".weight", StringComparison.Ordinal))
            {
                continue;
            }

            result.Add(layers.TryGetValue(name, out var layer)
                ? layer
                : new WeightLayer(name, parameter, null, WeightLayerKind.Norm, (int)parameter.shape[0], -1));
        }

        return result;
    }

    private IReadOnlyList<StitchPoint> BuildStitchPoints()
    {
        var wasTraining = training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var shape = new long[] { 1 }.Concat(Spec.InputShape.Select(d => (long)d)).ToArray();
            var h = zeros(shape, device: head.weight!.device);
            var result = new List<StitchPoint>(stages.Count);
            for (var i = 0; i < stages.Count; i++)
            {
                h = stages[i].forward(h);
                var dims = h.shape.Skip(1).Select(d => (int)d).ToArray();
                result.Add(new StitchPoint(i, stages[i].StageName, dims, i == stages.Count - 1));
            }

            return result;
        }
        finally
        {
            train(wasTraining);
        }
    }
}
