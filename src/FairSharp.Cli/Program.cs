namespace FairSharp.Cli;

/// <summary>Entry point of the <c>fairsharp</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        // Before the first tensor: keep libtorch's large buffers in the heap instead of re-faulting them every step.
        FairSharp.Training.NativeHeap.KeepLargeBuffers();
        return FairSharpApp.Run(args, CliConsole.Standard());
    }
}
