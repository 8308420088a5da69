namespace FairSharp.Experiments.Study;

/// <summary>One row of the verdict table.</summary>
/// <param name="Claim">The claim, quoted or paraphrased, with its paper.</param>
/// <param name="Verdict">One of <see cref="Holds"/>, <see cref="DoesNotHold"/>, <see cref="CannotTell"/>, <see cref="NotTested"/>.</param>
/// <param name="Deciding">The number that decides it, in words.</param>
/// <param name="WouldChange">What would change the verdict.</param>
public sealed record ClaimVerdict(string Claim, string Verdict, string Deciding, string WouldChange)
{
    /// <summary>The claim holds on this protocol.</summary>
    public const string Holds = "holds";

    /// <summary>The records contradict the claim beyond noise.</summary>
    public const string DoesNotHold = "does not hold on this protocol";

    /// <summary>Intervals straddle the decision, or the part has not run.</summary>
    public const string CannotTell = "cannot tell at this number of seeds";

    /// <summary>The protocol cannot put the claim to the test: more seeds would not decide it (e.g. the two settings
    /// the claim contrasts compute the same functions here).</summary>
    public const string NotTested = "cannot tell on this protocol";
}
