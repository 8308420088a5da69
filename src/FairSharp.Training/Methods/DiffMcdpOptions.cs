using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>How <c>diffmcdp</c> finds the worst threshold of a batch.</summary>
public enum ThresholdSearch
{
    /// <summary>The maximisation the paper describes (Jin et al. 2024, §5: the inner problem max_t of the smoothed local
    /// disparity), solved afresh for every batch: the best of <see cref="DiffMcdpOptions.Probes"/> evenly spaced
    /// thresholds in [0, 1], refined by <see cref="DiffMcdpOptions.InnerSteps"/> Adam steps of constant rate. Default.</summary>
    Exact,

    /// <summary>The released code (<c>icml24_mcdp</c>, <c>tabular_diffmcdp.py</c>): one threshold kept across batches,
    /// started at the training split's positive rate, moved by <see cref="DiffMcdpOptions.InnerSteps"/> + 1 Adam steps
    /// per batch whose rate is multiplied by 0.1 every 10 inner steps and never reset, so it reaches 0 after a few
    /// batches and the threshold stays near its start (about 0.248 → 0.259 on Adult).</summary>
    Released,
}

/// <summary>Options of <c>diffmcdp</c> (<see cref="DiffMcdpObjective"/>; Jin, Li and Feng, "On the maximal local disparity
/// of fairness-aware classifiers", ICML 2024; code <c>mitao-cat/icml24_mcdp</c>).</summary>
/// <param name="Lambda">Weight λ of the smoothed maximal local disparity (default 0.2, the middle of the authors' Adult
/// grid 0.1–0.3), ≥ 0.</param>
/// <param name="Temperature">Temperature T of the sigmoid that smooths the group CDFs (default 10, the authors'), &gt; 0.</param>
/// <param name="Search">How the worst threshold is found (default <see cref="ThresholdSearch.Exact"/>).</param>
/// <param name="InnerSteps">Adam steps of the threshold search per batch (default 30, the authors' <c>maxdiff_steps</c>), ≥ 1.</param>
/// <param name="InnerLearningRate">Adam rate of the threshold search (default 1e−3, the authors' <c>maxdiff_lr</c>), &gt; 0.</param>
/// <param name="Probes">Evenly spaced thresholds the exact search starts from (default 101: a 0.01 grid), ≥ 2.</param>
public sealed record DiffMcdpOptions(double Lambda = 0.2, double Temperature = 10, ThresholdSearch Search = ThresholdSearch.Exact,
    int InnerSteps = 30, double InnerLearningRate = 1e-3, int Probes = 101) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<DiffMcdpOptions>("diffmcdp",
        "BCE + λ·smoothed maximal local disparity of the group score CDFs at the worst threshold (DiffMCDP, Jin et al., ICML 2024)",
        new DiffMcdpOptions(),
        [
            LambdaKnob.For<DiffMcdpOptions>("weight of the maximal local disparity (default 0.2)", o => o.Lambda, (o, v) => o with { Lambda = v }),
            MethodKnob.Number<DiffMcdpOptions>("temperature", "sigmoid temperature of the smoothed CDFs (default 10)", o => o.Temperature, (o, v) => o with { Temperature = v }),
            MethodKnob.Choice<DiffMcdpOptions, ThresholdSearch>("search", "worst-threshold search: exact (the paper's maximisation; default) or released (the authors' decaying rate)",
                ["exact", "released"], [ThresholdSearch.Exact, ThresholdSearch.Released], o => o.Search, (o, v) => o with { Search = v }),
            MethodKnob.Integer<DiffMcdpOptions>("inner_steps", "Adam steps of the threshold search per batch (default 30)", o => o.InnerSteps, (o, v) => o with { InnerSteps = v }),
            MethodKnob.Number<DiffMcdpOptions>("inner_lr", "Adam rate of the threshold search (default 0.001)", o => o.InnerLearningRate, (o, v) => o with { InnerLearningRate = v }),
            MethodKnob.Integer<DiffMcdpOptions>("probes", "thresholds of the exact search's starting grid on [0, 1] (default 101)", o => o.Probes, (o, v) => o with { Probes = v }),
        ],
        (o, c) => new DiffMcdpObjective(c.Constraint, c.GroupCount, o));

    /// <inheritdoc />
    public override void Validate()
    {
        LambdaKnob.Validate(Lambda);
        Check.Positive(Temperature, "temperature");
        Check.AtLeastOne(InnerSteps, "inner_steps");
        Check.Positive(InnerLearningRate, "inner_lr");
        Check.InRange(Probes, 2, 1_000_000, "probes");
    }
}
