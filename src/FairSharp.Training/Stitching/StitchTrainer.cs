using FairSharp.Metrics;
using FairSharp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using FairSharp.Training.Selection;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Trains a <see cref="FeatureClassifier"/> on a balanced fine-tuning set of cached representations (tfs.md §8–§9):
/// SGD with momentum and weight decay, no scheduler, the batches a seeded permutation of the set every epoch
/// (full batch by default), loss = <see cref="StitchLoss"/>. After EVERY epoch, for every method, the model is
/// evaluated on validation and test with <see cref="ModelEvaluator"/> (every metric key, per-group FPR/FNR); the
/// <see cref="TfsGate"/> selection rule picks the epoch on validation and the model ends with that epoch's weights.
/// </summary>
/// <remarks>
/// Two-logit equivalence: SGD on the released two-logit output layer (w₀, w₁) moves the logit difference v = w₁ − w₀ by
/// −lr·(2·∂L/∂v + wd·v) per step, momentum included (it is linear). So output-layer parameters
/// (<see cref="FeatureClassifier.HeadParameters"/>) are optimised with learning rate 2·lr and weight decay wd / 2, which
/// reproduces the released head exactly; the stitch's gradient through a frozen head is the same in both forms, so it
/// keeps lr and wd.
/// </remarks>
public static class StitchTrainer
{
    /// <summary>Diagnostic key of the NLL.</summary>
    public const string NllKey = "nll";

    /// <summary>Diagnostic key of the fairness term (before α).</summary>
    public const string FairnessKey = "fairness";

    /// <summary>Metric key of the split NLL added to every validation / test record.</summary>
    public const string LossKey = "loss";

    /// <summary>Trains <paramref name="model"/> and leaves it with the chosen epoch's weights.</summary>
    /// <param name="model">The classifier (its trainable parameters must require gradients).</param>
    /// <param name="data">Fine-tuning tensors and the evaluation splits.</param>
    /// <param name="options">Hyper-parameters, seed, selection.</param>
    /// <param name="referenceBalancedAccuracy">The backbone's validation BACC, for the relative gate (or null).</param>
    /// <param name="onEpoch">Called after every epoch (progress).</param>
    /// <param name="cancellationToken">Stops after the current epoch.</param>
    public static StitchTrainingResult Train(FeatureClassifier model, StitchTrainingData data, StitchOptions options,
        double? referenceBalancedAccuracy, Action<EpochRecord>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var (negatives, positives) = data.ClassCounts();
        var weights = options.EffectiveClassWeighted && negatives > 0 && positives > 0
            ? ((double)Math.Max(negatives, positives) / negatives, (double)Math.Max(negatives, positives) / positives)
            : (1.0, 1.0);
        var loss = new StitchLoss(options.Constraint, options.Alpha, weights);
        var optimizers = new List<OptimizerHelper>();
        if (model.StitchParameters.Count > 0)
        {
            optimizers.Add(new SgdOptimizer(model.StitchParameters, options.LearningRate, options.Momentum, options.WeightDecay));
        }

        if (model.HeadParameters.Count > 0)
        {
            optimizers.Add(new SgdOptimizer(model.HeadParameters, 2 * options.LearningRate, options.Momentum, options.WeightDecay / 2));
        }

        try
        {
            return Run(model, data, options, loss, optimizers, referenceBalancedAccuracy, onEpoch, cancellationToken);
        }
        finally
        {
            optimizers.ForEach(o => o.Dispose());
        }
    }

    private static StitchTrainingResult Run(FeatureClassifier model, StitchTrainingData data, StitchOptions options, StitchLoss loss,
        List<OptimizerHelper> optimizers, double? reference, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
    {
        var n = data.Count;
        var batch = Math.Min(options.BatchSize ?? n, n);
        using var generator = new Generator((ulong)options.Seed);
        var epochs = new List<EpochRecord>(options.Epochs);
        var selection = options.Selection with { ReferenceBalancedAccuracy = reference };
        var choice = new GateChoice(-1, false, 0);
        WeightSnapshot? chosenWeights = null;
        ModelEvaluation? chosenValidation = null, chosenTest = null;
        var steps = 0;
        var status = TrainingStatus.Completed;
        string? message = null;
        try
        {
            for (var epoch = 0; epoch < options.Epochs && !cancellationToken.IsCancellationRequested; epoch++)
            {
                var (meanLoss, meanNll, meanFair, meanAlign, done) = TrainEpoch(model, data, loss, optimizers, batch, generator, options.LambdaAlign);
                steps += done;
                if (!double.IsFinite(meanLoss))
                {
                    status = TrainingStatus.Diverged;
                    message = $"the loss became {meanLoss} in epoch {epoch}";
                    break;
                }

                var (validationEval, validationLoss) = Evaluate(model, data.Validation, data.GroupNames);
                var (testEval, testLoss) = Evaluate(model, data.Test, data.GroupNames);
                var record = new EpochRecord(epoch, steps, options.LearningRate, meanLoss,
                    Diagnostics(meanNll, meanFair, meanAlign, options.LambdaAlign),
                    WithLoss(validationEval, validationLoss), WithLoss(testEval, testLoss));
                epochs.Add(record);
                var next = selection.Decide(epochs);
                if (next.Epoch == epoch)
                {
                    chosenWeights?.Dispose();
                    chosenWeights = WeightSnapshot.Take(model.TrainableParameters);
                    chosenValidation = validationEval;
                    chosenTest = testEval;
                }

                choice = next;
                onEpoch?.Invoke(record);
            }

            chosenWeights?.Restore();
        }
        finally
        {
            chosenWeights?.Dispose();
        }

        return new StitchTrainingResult(status, message, epochs, choice, selection.Describe(), chosenValidation, chosenTest, steps, batch);
    }

    private static Dictionary<string, double> Diagnostics(double nll, double fairness, double alignment, double lambdaAlign)
    {
        var result = new Dictionary<string, double> { [NllKey] = nll, [FairnessKey] = fairness };
        if (lambdaAlign > 0)
        {
            result[StitchAlignment.Key] = alignment;
        }

        return result;
    }

    private static (double Loss, double Nll, double Fairness, double Alignment, int Steps) TrainEpoch(FeatureClassifier model, StitchTrainingData data,
        StitchLoss loss, List<OptimizerHelper> optimizers, int batch, Generator generator, double lambdaAlign)
    {
        var stitched = lambdaAlign > 0 ? model as StitchedNetwork : null;
        model.train();
        var n = data.Count;
        using var epochScope = NewDisposeScope();
        var order = randperm(n, generator: generator);
        var full = batch >= n;
        double lossSum = 0, nllSum = 0, fairSum = 0, alignSum = 0;
        var count = 0;
        for (long start = 0; start < n; start += batch)
        {
            using var scope = NewDisposeScope();
            Tensor x, y, a;
            if (full)
            {
                x = data.X;
                y = data.Y;
                a = data.A;
            }
            else
            {
                var index = order.narrow(0, start, Math.Min(batch, n - start));
                x = data.X.index_select(0, index);
                y = data.Y.index_select(0, index);
                a = data.A.index_select(0, index);
            }

            foreach (var optimizer in optimizers)
            {
                optimizer.zero_grad();
            }

            var logits = model.forward(x);
            var value = loss.Compute(logits, y, a);
            var total = value.Loss;
            if (stitched is not null)
            {
                var alignment = StitchAlignment.Compute(stitched, logits, y, a);
                total = total - alignment.Times(lambdaAlign);
                alignSum += alignment.ToDouble();
            }

            total.backward();
            foreach (var optimizer in optimizers)
            {
                optimizer.step();
            }

            lossSum += total.ToDouble();
            nllSum += value.Nll.ToDouble();
            fairSum += value.Fairness.ToDouble();
            count++;
        }

        return (lossSum / count, nllSum / count, fairSum / count, alignSum / count, count);
    }

    /// <summary>Evaluates the model on a cached split: every metric key and the split's NLL.</summary>
    public static (ModelEvaluation Evaluation, double Loss) Evaluate(FeatureClassifier model, CachedSplit split, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        return EvaluateLogits(model.PredictLogits(split.Features), split, groupNames);
    }

    /// <summary>Evaluates logits (one per row of <paramref name="split"/>): every metric key on p = sigmoid(z), and the NLL.</summary>
    public static (ModelEvaluation Evaluation, double Loss) EvaluateLogits(float[] logits, CachedSplit split, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(split);
        var scores = new double[logits.Length];
        double nll = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = (double)logits[i];
            scores[i] = 1.0 / (1.0 + Math.Exp(-z));
            // −log σ(z) = softplus(−z); −log(1 − σ(z)) = softplus(z)
            nll += split.Labels[i] == 1 ? Softplus(-z) : Softplus(z);
        }

        var evaluation = ModelEvaluator.Evaluate(split.Labels, scores, split.Groups, groupNames);
        return (evaluation, nll / Math.Max(1, logits.Length));
    }

    private static double Softplus(double z) => z > 30 ? z : double.LogP1(Math.Exp(z));

    private static IReadOnlyDictionary<string, double> WithLoss(ModelEvaluation evaluation, double loss)
    {
        var result = new Dictionary<string, double>(evaluation.Metrics, StringComparer.Ordinal) { [LossKey] = loss };
        return result;
    }
}
