using FairSharp.Metrics;

namespace FairSharp.Experiments.Postprocessing;

/// <summary>
/// The <c>result.json</c> of a post-processed model folder. Metrics are those of the randomised decisions drawn with
/// <paramref name="Seed"/> (every thresholded key is exact for those decisions; the score-based keys —
/// <c>average_precision</c>, <c>roc_auc</c>, <c>abroca</c>, the score gaps — treat the 0/1 decisions as scores).
/// </summary>
/// <param name="Method">Always <c>threshold</c> (ERM + per-group thresholds when the source is an ERM model).</param>
/// <param name="Constraint"><c>dp</c> or <c>eo</c>.</param>
/// <param name="Source">The source model folder as given.</param>
/// <param name="SourceMethod">The method the source model was trained with.</param>
/// <param name="SourceWeightsSha256">sha256 of the source's <c>model.bin</c>.</param>
/// <param name="Seed">Seed of the randomised decisions.</param>
/// <param name="ValidationRows">Rows the thresholds were chosen on (the validation split).</param>
/// <param name="Thresholds">The fitted rules.</param>
/// <param name="Validation">Metrics of the decisions on the validation split.</param>
/// <param name="Test">Metrics of the decisions on the test split.</param>
/// <param name="TestByGroup">Per-group test metrics of the decisions.</param>
/// <param name="SourceTest">Test metrics of the source model at its own threshold, for comparison.</param>
/// <param name="Degenerate">Why the test numbers may look fairer than they are (as in a training result).</param>
/// <param name="Definitions">Metric key → which form of the metric it is.</param>
public sealed record PostprocessOutcome(
    string Method,
    string Constraint,
    string Source,
    string SourceMethod,
    string SourceWeightsSha256,
    int Seed,
    int ValidationRows,
    ThresholdPostprocessor Thresholds,
    IReadOnlyDictionary<string, double> Validation,
    IReadOnlyDictionary<string, double> Test,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> TestByGroup,
    IReadOnlyDictionary<string, double> SourceTest,
    IReadOnlyList<string> Degenerate,
    IReadOnlyDictionary<string, string> Definitions);
