namespace FairSharp.Training.Stitching;

/// <summary>The fairness term of the fine-tuning loss (the TFS / Fairness-Finetuning <c>--constraint</c>).</summary>
public enum StitchConstraint
{
    /// <summary><c>eo</c>: NLL + α·(soft FPR gap + soft FNR gap) with group-size denominators (<see cref="EoSurrogate"/>); the one TFS uses.</summary>
    EqualizedOdds,

    /// <summary><c>ae</c>: NLL + α·|NLL over group 1 − NLL over group 0| (accuracy equality).</summary>
    AccuracyEquality,

    /// <summary><c>mmf</c>: max over the (y, group) cells of the cell NLL, replacing the whole loss (max-min fairness; α unused).</summary>
    MaxMinFairness,
}

/// <summary>Names of <see cref="StitchConstraint"/> values as the CLI and the JSON spell them.</summary>
public static class StitchConstraints
{
    /// <summary><c>eo</c>, <c>ae</c> or <c>mmf</c>.</summary>
    public static string ToName(this StitchConstraint constraint) => constraint switch
    {
        StitchConstraint.EqualizedOdds => "eo",
        StitchConstraint.AccuracyEquality => "ae",
        _ => "mmf",
    };
}
