using FairSharp.Training.Rationale;

namespace FairSharp.Experiments.Rationale;

/// <summary>The parity report of one model folder, with what identifies the model.</summary>
/// <param name="Label">Short name shown in tables and plots (the folder name).</param>
/// <param name="Directory">The model folder.</param>
/// <param name="Method">Training method.</param>
/// <param name="Constraint">Constraint it was trained with.</param>
/// <param name="Lambda">λ (λ_fair for FAIRER).</param>
/// <param name="LambdaAlign">FAIRER's λ_align (recorded for every method; used by <c>fairer</c> only).</param>
/// <param name="Seed">Seed of the run (also the split's).</param>
/// <param name="Dataset">Dataset.</param>
/// <param name="Report">Per-layer parity scores for every pair of strata.</param>
public sealed record ModelRationale(
    string Label,
    string Directory,
    string Method,
    string Constraint,
    double Lambda,
    double LambdaAlign,
    int Seed,
    string Dataset,
    ParityReport Report);
