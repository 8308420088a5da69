using System.Runtime.InteropServices;

namespace FairSharp.Data.Tabular;

/// <summary>
/// Zeroed float arrays for the encoded input matrices (a million rows × 204 inputs is 816 MB). On Linux a large one is
/// allocated pinned and uninitialised, its memory is marked for transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>;
/// the kernel's default mode is <c>madvise</c>, so .NET's heap gets 4 KiB pages), and it is then cleared in parallel blocks.
/// On this project's 2-core VM first-touching 490 MB in 4 KiB pages and then writing its rows in a split's shuffled
/// order took 5.5 CPU-s; with huge pages 1.9 CPU-s (a scratch benchmark, load ~15). Elsewhere, or below
/// <see cref="Threshold"/>, it is a plain <c>new float[]</c>. The values are the same either way.
/// </summary>
internal static class LargeFloats
{
    /// <summary>Arrays of at least this many bytes get huge pages.</summary>
    public const long Threshold = 32L * 1024 * 1024;

    private const long HugePage = 2L * 1024 * 1024;
    private const int MadvHugePage = 14;

    /// <summary>A zeroed array of <paramref name="count"/> floats.</summary>
    public static float[] Zeroed(long count)
    {
        var bytes = count * sizeof(float);
        if (!OperatingSystem.IsLinux() || bytes < Threshold)
        {
            return new float[count];
        }

        var x = GC.AllocateUninitializedArray<float>(checked((int)count), pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(x, 0);
        var start = (address + HugePage - 1) & ~(HugePage - 1);
        var end = (address + bytes) & ~(HugePage - 1);
        if (end > start)
        {
            try
            {
                _ = madvise((nint)start, (nuint)(end - start), MadvHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc (e.g. musl): 4 KiB pages, same values
            }
        }

        // Cleared in blocks on every core: the kernel zeroes each huge page on its first touch, which is most of the cost.
        const int block = (int)(HugePage / sizeof(float)) * 16;
        Parallel.For(0, (int)((count + block - 1) / block), b => Array.Clear(x, b * block, (int)Math.Min(block, count - ((long)b * block))));
        return x;
    }

    // DllImport, not LibraryImport: the signature is blittable and LibraryImport would need unsafe code (as NativeHeap).
    [DllImport("libc.so.6", EntryPoint = "madvise", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int madvise(nint address, nuint length, int advice);
}
