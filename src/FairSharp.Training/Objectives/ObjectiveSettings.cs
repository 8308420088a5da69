using System.Globalization;

namespace FairSharp.Training.Objectives;

/// <summary>Settings every method factory receives.</summary>
/// <param name="Constraint">Fairness notion of the penalty (default dp).</param>
/// <param name="Lambda">Weight λ of the fairness term (default 1, FFB's <c>--lam</c> default); must be ≥ 0.</param>
/// <param name="LambdaAlign">Weight of FAIRER's alignment term (default 0.01); ignored by the baselines; must be ≥ 0.</param>
/// <param name="GroupCount">Number of groups G in the dataset (default 2).</param>
public sealed record ObjectiveSettings(
    FairnessConstraint Constraint = FairnessConstraint.DemographicParity,
    double Lambda = 1.0,
    double LambdaAlign = 0.01,
    int GroupCount = 2)
{
    /// <summary>FAIRER: align the BatchNorm scales as well as the conv and linear weights (default true, as the authors'
    /// code aligns every parameter named <c>weight</c>); false = conv and linear weights only.</summary>
    public bool AlignNormWeights { get; init; } = true;

    /// <summary>Error text: negative or non-finite λ (format: option name, value).</summary>
    public const string BadLambda = "{0} must be a finite number >= 0, got {1}";

    /// <summary>Error text: fewer than two groups (format: count).</summary>
    public const string TooFewGroups = "fairness training needs at least 2 groups, got {0}";

    /// <summary>Throws <see cref="InvalidInputException"/> for a negative λ or fewer than two groups.</summary>
    public void Validate()
    {
        if (!(Lambda >= 0) || double.IsInfinity(Lambda))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadLambda, "--lambda", Lambda));
        }

        if (!(LambdaAlign >= 0) || double.IsInfinity(LambdaAlign))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadLambda, "--lambda-align", LambdaAlign));
        }

        if (GroupCount < 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, TooFewGroups, GroupCount));
        }
    }
}
