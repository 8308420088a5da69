namespace FairSharp.Experiments.Sweeps;

/// <summary>The training methods a sweep may plan (the training layer's method registry, seen from a sweep).</summary>
public interface IMethodCatalog
{
    /// <summary>Every registered method, in registry order.</summary>
    IReadOnlyList<MethodInfo> Methods { get; }

    /// <summary>The method called <paramref name="name"/>, or null when no such method is registered.</summary>
    MethodInfo? Find(string name);
}
