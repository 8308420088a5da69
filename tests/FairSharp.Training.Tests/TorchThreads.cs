using System.Runtime.CompilerServices;

namespace FairSharp.Training.Tests;

/// <summary>Torch tests run on one intra-op thread: the machine is shared, and a busy-waiting second OpenMP thread on an
/// oversubscribed CPU makes small steps 30× slower. One thread also keeps results independent of the core count.</summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void OneThread() => TorchSharp.torch.set_num_threads(1);
}
