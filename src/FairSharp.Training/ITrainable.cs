using FairSharp.Training.Optimizers;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>
/// What the one training loop (<see cref="Trainer"/>) needs of a model: its trainable parameters in groups with
/// learning-rate and weight-decay multipliers, the tensors a model-selection snapshot copies, its scores on a split,
/// and its training mode. A <see cref="Models.FairNetwork"/> (with its objective's extra parameters) and a
/// <see cref="Stitching.FeatureClassifier"/> on cached representations are the two kinds.
/// </summary>
public interface ITrainable
{
    /// <summary>Trainable parameters in optimiser groups (most models: one group with multipliers 1).</summary>
    IReadOnlyList<ParameterGroup> ParameterGroups { get; }

    /// <summary>The tensors that hold a trained state: copied when an epoch becomes the choice, restored at the end.</summary>
    IEnumerable<Tensor> SelectionState { get; }

    /// <summary>Scores P(y = 1) of every row of <paramref name="inputs"/> and the mean NLL of <paramref name="labels"/>,
    /// in evaluation mode without gradients (the training mode is restored afterwards).</summary>
    SplitScores Score(Tensor inputs, int[] labels);

    /// <summary>Sets training (true) or evaluation (false) mode.</summary>
    void train(bool on = true);
}
