namespace FairSharp.Training;

/// <summary>The optimiser of a run.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (β = 0.9, 0.999; ε = 1e−8): FFB, Fair Mixup, FAIRER.</summary>
    Adam,

    /// <summary>SGD with momentum and weight decay: the TFS ERM backbone.</summary>
    Sgd,
}
