using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FairSharp.Training.Tests.Hygiene;

/// <summary>Which TorchSharp methods create a <c>TorchSharp.Scalar</c> themselves, read from TorchSharp's IL: a method
/// does when its body calls a <c>Scalar</c> conversion (<c>op_Implicit</c>, <c>ToScalar</c>) or, directly or through
/// other TorchSharp methods, one that does. Such a Scalar is never disposed; only its finalizer frees the native value,
/// possibly while a native call still reads it (docs/torchsharp-notes.md, section 2).</summary>
internal sealed class ScalarCallGraph
{
    private readonly Dictionary<string, string?> memo = new(StringComparer.Ordinal);

    /// <summary>True for the calls that make a Scalar out of a .NET number.</summary>
    public static bool IsScalarConversion(MethodReference method) =>
        method.DeclaringType.FullName is "TorchSharp.Scalar" or "TorchSharp.ScalarExtensionMethods"
        && method.Name is "op_Implicit" or "ToScalar";

    /// <summary>True when a method is TorchSharp's.</summary>
    public static bool IsTorchSharp(MethodReference method) => method.DeclaringType.Scope.Name is "TorchSharp" or "TorchSharp.dll";

    /// <summary>The chain of calls through which a TorchSharp method creates a Scalar (callee first), or null when it does not.</summary>
    public string? CreatingChain(MethodReference reference)
    {
        if (IsScalarConversion(reference))
        {
            return reference.Name;
        }

        var method = Resolve(reference);
        if (method is null || !method.HasBody)
        {
            return null;
        }

        var key = method.FullName;
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        memo[key] = null; // cycle guard: a method being analysed does not count through itself
        string? chain = null;
        foreach (var instruction in method.Body.Instructions)
        {
            if (instruction.Operand is MethodReference callee && Calls(instruction.OpCode) && IsTorchSharp(callee)
                && CreatingChain(callee) is { } inner)
            {
                chain = $"{Name(callee)} <- {inner}";
                break;
            }
        }

        memo[key] = chain;
        return chain;
    }

    /// <summary>The opcodes that call or take the address of a method (lambdas are created with ldftn).</summary>
    public static bool Calls(OpCode code) => code.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn or Code.Ldvirtftn;

    /// <summary>A short name for messages: type and method, with parameter types.</summary>
    public static string Name(MethodReference method) =>
        $"{method.DeclaringType.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.ParameterType.Name))})";

    private static MethodDefinition? Resolve(MethodReference reference)
    {
        try
        {
            return reference.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}
