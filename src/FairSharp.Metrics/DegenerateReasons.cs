namespace FairSharp.Metrics;

/// <summary>Texts of the degeneracy flags of a <see cref="ModelEvaluation"/> (format strings; {0} is a group name).</summary>
public static class DegenerateReasons
{
    /// <summary>Every row got the same prediction; {0} is the predicted class, {1} the comparison.</summary>
    public const string CollapsedOverall = "collapsed classifier: every row is predicted {0} ({1})";

    /// <summary>Every row of a group got the same prediction; {0} group, {1} class, {2} comparison.</summary>
    public const string CollapsedGroup = "collapsed classifier in group '{0}': every row is predicted {1} ({2})";

    /// <summary>A group (combination) without rows.</summary>
    public const string EmptyGroup = "group '{0}' has no rows: reported, skipped by every aggregate";

    /// <summary>A group without positive labels: its TPR is 0 by fairlearn's 0/0 convention.</summary>
    public const string NoPositives = "group '{0}' has no rows with y = 1: its true_positive_rate is 0 by the 0/0 convention";

    /// <summary>A group without negative labels: its FPR is 0 by fairlearn's 0/0 convention.</summary>
    public const string NoNegatives = "group '{0}' has no rows with y = 0: its false_positive_rate is 0 by the 0/0 convention";

    /// <summary>Fewer than two groups have rows: every difference is 0 by construction.</summary>
    public const string SingleGroup = "fewer than two groups have rows: every between-groups difference is 0 by construction";

    /// <summary>Only one label class in the data.</summary>
    public const string OneClass = "only one label class (y = {0}) in the data: roc_auc and abroca are undefined (NaN)";
}
