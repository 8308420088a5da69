namespace FairSharp.Training.Stitching;

/// <summary>Which rows the group-balanced fine-tuning set is drawn from (CLI <c>--fine-tune-on</c>).</summary>
public enum FineTuningSet
{
    /// <summary><c>train+val</c> (the authors' protocol): train and validation pooled, so the validation rows that select
    /// the epoch are also trained on (tfs.md §7, A12).</summary>
    TrainAndValidation,

    /// <summary><c>train</c>: the clean variant, drawn from the training split only; validation stays unseen.</summary>
    TrainOnly,
}

/// <summary>Names of <see cref="FineTuningSet"/> values as the CLI and the JSON spell them.</summary>
public static class FineTuningSets
{
    /// <summary><c>train+val</c> or <c>train</c>.</summary>
    public static string ToName(this FineTuningSet set) => set == FineTuningSet.TrainAndValidation ? "train+val" : "train";
}
