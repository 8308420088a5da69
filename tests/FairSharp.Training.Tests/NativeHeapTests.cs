using System.Runtime.InteropServices;

namespace FairSharp.Training.Tests;

public sealed class NativeHeapTests
{
    private static bool Glibc() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var handle) && NativeLibrary.TryGetExport(handle, "gnu_get_libc_version", out _);

    private static bool TunedByEnvironment() =>
        new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES" }.Any(v => Environment.GetEnvironmentVariable(v) is not null);

    [Fact]
    public void The_heap_tuning_reaches_glibc_unless_the_environment_tunes_it()
    {
        // The old DllImport("libc") resolved to the libc.so linker script on systems with libc6-dev and silently did nothing.
        NativeHeap.KeepLargeBuffers().ShouldBe(Glibc() && !TunedByEnvironment());
    }
}
