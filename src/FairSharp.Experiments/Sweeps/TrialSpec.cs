namespace FairSharp.Experiments.Sweeps;

/// <summary>What a worker process needs to run one trial (written to a spec file the worker reads).</summary>
/// <param name="Config">The trial.</param>
/// <param name="DataDirectory">Folder of the bundled datasets, or null to locate it as the CLI does.</param>
/// <param name="WorkDirectory">Scratch folder of this trial (model files); removed after the trial.</param>
/// <param name="TorchThreads">Intra-op threads for torch in this worker (cores / jobs, at least 1).</param>
public sealed record TrialSpec(TrialConfig Config, string? DataDirectory, string WorkDirectory, int TorchThreads);
