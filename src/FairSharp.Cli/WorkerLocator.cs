using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli;

/// <summary>Finds the command that starts another <c>fairsharp</c> process (the sweep's workers).</summary>
internal static class WorkerLocator
{
    /// <summary>The apphost beside this assembly when there is one, otherwise <c>dotnet fairsharp.dll</c> (tool installs,
    /// test runs).</summary>
    public static WorkerCommand Current()
    {
        var dll = typeof(FairSharpApp).Assembly.Location;
        var folder = Path.GetDirectoryName(dll)!;
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "fairsharp.exe" : "fairsharp");
        if (File.Exists(apphost))
        {
            return new WorkerCommand(apphost, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return new WorkerCommand(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet, [dll]);
    }
}
