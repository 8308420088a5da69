using FairSharp.Training.Rationale;

namespace FairSharp.Experiments.Rationale;

/// <summary>The parity report of one model folder, with what identifies the model.</summary>
/// <param name="Label">Short name shown in tables and plots (the folder name).</param>
/// <param name="Directory">The model folder.</param>
/// <param name="Method">Training method.</param>
/// <param name="Constraint">Constraint it was trained with.</param>
/// <param name="Options">The method's knobs as <c>name=value</c> pairs (e.g. <c>lambda=1 lambda_align=0.01</c>); empty
/// for a method without knobs.</param>
/// <param name="Seed">Seed of the run (also the split's).</param>
/// <param name="Dataset">Dataset.</param>
/// <param name="Report">Per-layer parity scores for every pair of strata.</param>
public sealed record ModelRationale(
    string Label,
    string Directory,
    string Method,
    string Constraint,
    string Options,
    int Seed,
    string Dataset,
    ParityReport Report);
