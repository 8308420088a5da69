using static TorchSharp.torch;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// Puts torch's process-wide settings back where a fresh process has them, before each trial of a persistent worker:
/// intra-op threads, default dtype, autograd on, and the global generator reseeded. A trial that left any of them
/// changed (or stopped half-way) then cannot change the next trial's result.
/// </summary>
public static class TorchGlobalState
{
    /// <summary>Resets the settings; <paramref name="threads"/> is the trial's intra-op thread count.</summary>
    public static void Reset(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        set_num_threads(threads);
        set_default_dtype(ScalarType.Float32);
        set_grad_enabled(true);
        manual_seed(0);
    }
}
