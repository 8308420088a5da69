namespace FairSharp.Experiments.Sweeps;

/// <summary>What a sweep needs to know about a training method: its name and which axes of the plan apply to it.</summary>
/// <param name="Name">Registry name (<c>erm</c>, <c>gapreg</c>, <c>fairmixup</c>, <c>fairer</c>, <c>tfs</c>, …).</param>
/// <param name="UsesLambda">True when the method has a fairness weight λ; a method without one (ERM) is planned once
/// per seed, at λ = 0, and drawn as a single reference point.</param>
/// <param name="UsesStitch">True for methods trained on cached features through a stitching layer (<c>tfs</c>,
/// <c>fdr</c>): the plan multiplies them by the stitch options.</param>
public sealed record MethodInfo(string Name, bool UsesLambda, bool UsesStitch);
