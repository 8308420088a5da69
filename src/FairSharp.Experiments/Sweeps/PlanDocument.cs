namespace FairSharp.Experiments.Sweeps;

/// <summary>The content of <c>plan.json</c>: the plan a sweep folder belongs to.</summary>
/// <param name="Format">File format version (1).</param>
/// <param name="PlanId">The plan's id (<see cref="SweepPlan.Id"/>).</param>
/// <param name="Options">The options the plan was made from.</param>
/// <param name="Methods">The planned methods as the registry described them (λ and stitch axes).</param>
/// <param name="Trials">Every trial of the plan, in plan order (all shards, not only this folder's).</param>
public sealed record PlanDocument(int Format, string PlanId, SweepOptions Options, IReadOnlyList<MethodInfo> Methods, IReadOnlyList<TrialConfig> Trials)
{
    /// <summary>The document of <paramref name="plan"/>.</summary>
    public static PlanDocument Of(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(PlanFile.CurrentFormat, plan.Id, plan.Options, plan.Methods, plan.Trials) { Sampler = plan.Sampler };
    }

    /// <summary>The sampler of the sweep's methods and why; null in plans written before the sampler rule.</summary>
    public Training.Runs.SamplerChoice? Sampler { get; init; }

    /// <summary>Method name → whether it has a λ.</summary>
    public IReadOnlyDictionary<string, bool> UsesLambda() => Methods.ToDictionary(m => m.Name, m => m.UsesLambda, StringComparer.Ordinal);
}
