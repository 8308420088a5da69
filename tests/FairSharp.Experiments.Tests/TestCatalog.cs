using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests;

/// <summary>A method catalogue shaped like the training registry, for tests that must not depend on it.</summary>
internal static class TestCatalog
{
    public static MethodCatalog Instance { get; } = new(
    [
        new MethodInfo("erm", UsesLambda: false, UsesStitch: false),
        new MethodInfo("gapreg", UsesLambda: true, UsesStitch: false),
        new MethodInfo("fairmixup", UsesLambda: true, UsesStitch: false),
        new MethodInfo("fairer", UsesLambda: true, UsesStitch: false) { Descriptor = Training.Methods.FairerOptions.Descriptor },
        new MethodInfo("tfs", UsesLambda: true, UsesStitch: true) { Descriptor = Training.Stitching.StitchMethodDescriptor.Tfs },
        new MethodInfo("fdr", UsesLambda: true, UsesStitch: true) { Descriptor = Training.Stitching.StitchMethodDescriptor.Fdr },
    ]);
}
