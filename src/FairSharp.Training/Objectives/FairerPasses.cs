namespace FairSharp.Training.Objectives;

/// <summary>How a <c>fairer</c> step lays out its forward passes.</summary>
public enum FairerPasses
{
    /// <summary>Default, the cheap layout: one forward pass per stratum; the joint task loss (BCE over the concatenated
    /// strata, = Σ_s n_s·L_s / N) and the gap reuse those outputs. The math is the authors' for networks without dropout
    /// or batch norm (the Adult MLP); with dropout the task loss shares the strata's masks, with batch norm the
    /// statistics are per stratum.</summary>
    Shared,

    /// <summary>The authors' layout (fairer.md §6.1): a separate joint pass for the task loss, one pass per stratum for
    /// the gradients, and in DP mode two more group passes for the gap (5 passes per step); EO reuses the cell passes
    /// for the gap.</summary>
    Authors,
}
