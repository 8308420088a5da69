using FairSharp.Training.Objectives;

namespace FairSharp.Training;

/// <summary>The batches of one kind of run and the objective's loss on one of them (the part of a run the one
/// training loop does not own): rows of a tabular or image split for a <see cref="Models.FairNetwork"/>, slices of a
/// permuted fine-tuning set for a <see cref="Stitching.FeatureClassifier"/>.</summary>
/// <typeparam name="TBatch">What identifies one batch.</typeparam>
internal interface IBatchStream<TBatch>
{
    /// <summary>Batches in one epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>The batches of epoch <paramref name="epoch"/>, in order.</summary>
    IEnumerable<TBatch> Epoch(int epoch);

    /// <summary>The objective's loss and diagnostics on one batch (inside the loop's dispose scope; the model is in
    /// training mode).</summary>
    ObjectiveStep Step(TBatch batch, int period);
}
