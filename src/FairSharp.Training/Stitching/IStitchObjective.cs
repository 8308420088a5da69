using FairSharp.Training.Objectives;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>A stitch method's loss on one batch of the balanced fine-tuning set: TFS, FDR and tfs-joint are
/// <see cref="StitchLoss"/>; FAIRER on the stitch is the <see cref="StitchAlignment"/> decorator around it.</summary>
public interface IStitchObjective
{
    /// <summary>The loss and diagnostics of one batch.</summary>
    /// <param name="model">The classifier being trained (training mode).</param>
    /// <param name="logits">Its logits on the batch (with graph), [N].</param>
    /// <param name="y">Labels as 0/1 floats, [N].</param>
    /// <param name="a">Groups as 0/1 floats, [N].</param>
    ObjectiveStep Step(FeatureClassifier model, Tensor logits, Tensor y, Tensor a);
}
