namespace FairSharp.Experiments.Sweeps;

/// <summary>How to start a worker process: an executable and the arguments before the trial's own ones
/// (e.g. <c>fairsharp</c> with none, or <c>dotnet</c> with <c>path/fairsharp.dll</c>).</summary>
/// <param name="FileName">Executable to start.</param>
/// <param name="PrefixArguments">Arguments placed before <c>trial --spec FILE</c>.</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> PrefixArguments);
