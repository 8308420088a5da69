using System.Globalization;
using FairSharp.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>
/// The one training loop (template method: the loop is fixed; the model is an <see cref="ITrainable"/> and the
/// method's loss comes from the <see cref="IBatchStream{TBatch}"/>). Per step: a dispose scope, objective → loss →
/// divergence check → backward → optimiser step (→ StepLR for step schedules). Per period: evaluation on validation
/// (where selection or early stopping reads it, else after the last period only) and test (reporting only, every
/// period with <see cref="TrainerOptions.TestCurve"/>), StepLR for epoch
/// schedules, model selection with snapshot, early stopping. At the end the chosen period's state is restored.
/// </summary>
internal sealed class TrainingLoop<TBatch>(
    TrainerOptions options,
    ITrainingObserver observer,
    ITrainable model,
    IBatchStream<TBatch> stream,
    optim.Optimizer optimizer,
    optim.lr_scheduler.LRScheduler? scheduler,
    EvaluationSplit validation,
    EvaluationSplit test,
    IReadOnlyList<string> groupNames,
    List<string> messages)
{
    private static readonly IReadOnlyDictionary<string, double> NotEvaluated = new SortedDictionary<string, double>(StringComparer.Ordinal);
    private readonly List<EpochRecord> records = [];
    private readonly List<double> validationLosses = [];
    private WeightSnapshot? snapshot;
    private int chosen = -1;
    private ModelEvaluation? chosenTest;
    private ModelEvaluation? chosenValidation;
    private int step;
    private int samplerEpoch;
    private IEnumerator<TBatch>? endless;

    public TrainingResult Run()
    {
        var stepBased = options.Unit == ScheduleUnit.Steps;
        var periods = stepBased ? (options.Steps + options.EvaluateEvery - 1) / options.EvaluateEvery : options.Epochs;
        var totalSteps = stepBased ? options.Steps : options.Epochs * stream.BatchesPerEpoch;
        // Validation is evaluated where it decides something: every period when selection or early stopping reads it
        // (or the curves are asked for), otherwise after the last period only, for the chosen epoch's record.
        var validateEveryPeriod = options.Selection.ReadsEveryPeriod || options.EarlyStopping is not null || options.TestCurve;
        observer.OnStart(totalSteps, periods);
        var status = TrainingStatus.Completed;
        string? message = null;
        try
        {
            for (var period = 0; period < periods; period++)
            {
                model.train();
                var batches = stepBased ? NextSteps(Math.Min(options.EvaluateEvery, options.Steps - step)) : stream.Epoch(period);
                var (ok, meanLoss, diagnostics, badLoss) = TrainPeriod(batches, period, stepBased);
                if (!ok)
                {
                    status = TrainingStatus.Diverged;
                    message = string.Format(CultureInfo.InvariantCulture, Trainer.DivergedLoss, step + 1, badLoss);
                    break;
                }

                if (!stepBased)
                {
                    scheduler?.step();
                }

                var (valOk, val, valMetrics) = validateEveryPeriod || period == periods - 1 ? Evaluate(validation) : (true, null, NotEvaluated);
                var (testOk, tst, testMetrics) = options.TestCurve ? Evaluate(test) : (true, null, NotEvaluated);
                if (!valOk || !testOk)
                {
                    status = TrainingStatus.Diverged;
                    message = string.Format(CultureInfo.InvariantCulture, Trainer.DivergedScores, step, valOk ? test.Name : validation.Name);
                    break;
                }

                var record = new EpochRecord(period, step, LearningRate(), meanLoss, diagnostics, valMetrics, testMetrics);
                records.Add(record);
                if (val is not null)
                {
                    validationLosses.Add(valMetrics[SplitScores.LossKey]);
                }

                if (options.Selection.Choose(records) == records.Count - 1)
                {
                    Snapshot(val, tst);
                }

                observer.OnEvaluated(record);
                if (options.EarlyStopping is { } early && period < periods - 1 && early.ShouldStop(validationLosses))
                {
                    status = TrainingStatus.EarlyStopped;
                    message = string.Format(CultureInfo.InvariantCulture, Trainer.EarlyStopped, period);
                    break;
                }
            }

            var description = options.Selection.Describe();
            if (chosen < 0 && records.Count > 0 && status != TrainingStatus.Diverged)
            {
                // e.g. fewer epochs than the warm-up: report the last epoch and say so.
                description += "; no epoch was eligible, the last epoch is reported";
                ForceLast();
            }

            if (status == TrainingStatus.Diverged)
            {
                chosen = -1;
                chosenTest = null;
                chosenValidation = null;
            }
            else if (chosen != records.Count - 1 && snapshot is not null)
            {
                snapshot.Restore();
            }

            if (chosen >= 0 && chosenTest is null)
            {
                // Without the test curve, the test split is evaluated here, once, on the chosen weights.
                var (testOk, tst, testMetrics) = Evaluate(test);
                if (testOk)
                {
                    chosenTest = tst;
                    records[chosen] = records[chosen] with { Test = testMetrics };
                }
                else
                {
                    status = TrainingStatus.Diverged;
                    message = string.Format(CultureInfo.InvariantCulture, Trainer.DivergedScores, records[chosen].Step, test.Name);
                    chosen = -1;
                    chosenValidation = null;
                }
            }

            observer.OnFinished(status);
            return new TrainingResult(status, message, records, chosen, options.Selection.Name, description,
                chosenTest, chosenValidation, step, messages);
        }
        finally
        {
            DisposeSnapshot();
            endless?.Dispose();
            model.train(false);
        }
    }

    private IEnumerable<TBatch> NextSteps(int count)
    {
        for (var i = 0; i < count; i++)
        {
            endless ??= stream.Epoch(samplerEpoch).GetEnumerator();
            while (!endless.MoveNext())
            {
                endless.Dispose();
                endless = stream.Epoch(++samplerEpoch).GetEnumerator();
            }

            yield return endless.Current;
        }
    }

    private (bool Ok, double MeanLoss, IReadOnlyDictionary<string, double> Diagnostics, double BadLoss) TrainPeriod(
        IEnumerable<TBatch> batches, int period, bool stepBased)
    {
        double lossSum = 0;
        var count = 0;
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var loss = TrainingStep.Run(() => stream.Step(batch, period), optimizer, out var diagnostics);
            if (!double.IsFinite(loss))
            {
                return (false, double.NaN, sums, loss);
            }

            if (stepBased)
            {
                scheduler?.step();
            }

            step++;
            count++;
            lossSum += loss;
            foreach (var (key, value) in diagnostics)
            {
                sums[key] = sums.GetValueOrDefault(key) + value;
            }

            observer.OnStep(step, loss);
        }

        var means = sums.ToDictionary(kv => kv.Key, kv => kv.Value / Math.Max(count, 1), StringComparer.Ordinal);
        return (true, count > 0 ? lossSum / count : double.NaN, means, 0);
    }

    private (bool Ok, ModelEvaluation? Evaluation, IReadOnlyDictionary<string, double> Metrics) Evaluate(EvaluationSplit split)
    {
        var scores = model.Score(split.Inputs, split.Labels);
        if (!scores.Finite)
        {
            return (false, null, new Dictionary<string, double>());
        }

        var (evaluation, metrics) = scores.Evaluate(split.Labels, split.Groups, groupNames, options.Evaluation);
        return (true, evaluation, metrics);
    }

    /// <summary>The run's learning rate (the first group's, divided by its multiplier), after the schedule.</summary>
    private double LearningRate() => optimizer.ParamGroups.First().LearningRate / model.ParameterGroups[0].LearningRateScale;

    private void Snapshot(ModelEvaluation? validationEvaluation, ModelEvaluation? testEvaluation)
    {
        DisposeSnapshot();
        chosen = records.Count - 1;
        chosenValidation = validationEvaluation;
        chosenTest = testEvaluation;
        if (options.Selection is Selection.LastEpoch)
        {
            // the live weights are the last epoch's: no copy needed
            return;
        }

        snapshot = WeightSnapshot.Take(model.SelectionState);
    }

    private void ForceLast()
    {
        DisposeSnapshot();
        chosen = records.Count - 1;
        var (_, val, _) = Evaluate(validation);
        chosenValidation = val;
        chosenTest = null;
    }

    private void DisposeSnapshot()
    {
        snapshot?.Dispose();
        snapshot = null;
    }
}
