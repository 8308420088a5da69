namespace FairSharp.Experiments.Sweeps;

/// <summary>The content of <c>plan.json</c>: the plan a sweep folder belongs to.</summary>
/// <param name="Format">File format version (1).</param>
/// <param name="PlanId">The plan's id (<see cref="SweepPlan.Id"/>).</param>
/// <param name="Options">The options the plan was made from.</param>
/// <param name="Trials">Every trial of the plan, in plan order (all shards, not only this folder's).</param>
public sealed record PlanDocument(int Format, string PlanId, SweepOptions Options, IReadOnlyList<TrialConfig> Trials);
