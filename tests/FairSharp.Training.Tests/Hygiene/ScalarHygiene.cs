using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FairSharp.Training.Tests.Hygiene;

/// <summary>The Scalar rule applied to one assembly: every place in it that converts a number to a Scalar outside the one
/// type allowed to (<c>FairSharp.Training.ScalarMath</c>, which keeps its Scalars reachable or disposes them), calls a
/// TorchSharp method that creates a Scalar itself, or uses a TorchSharp type whose overrides (a module's forward, an
/// optimiser's step, reached through virtual calls) create one.</summary>
internal static class ScalarHygiene
{
    /// <summary>The one type of FairSharp.Training that may create Scalars.</summary>
    public const string AllowedType = "FairSharp.Training.ScalarMath";

    public static IReadOnlyList<string> Offences(string assemblyPath, string torchSharpPath)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(torchSharpPath)!);
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
        var graph = new ScalarCallGraph();
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        var usedTypes = new Dictionary<string, (TypeDefinition Type, string Where)>(StringComparer.Ordinal);

        foreach (var type in assembly.MainModule.GetTypes())
        {
            var owner = Outermost(type).FullName;
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                var where = $"{owner}.{method.Name}";
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is not MethodReference callee || !ScalarCallGraph.Calls(instruction.OpCode)
                        || !ScalarCallGraph.IsTorchSharp(callee))
                    {
                        continue;
                    }

                    if (ScalarCallGraph.IsScalarConversion(callee))
                    {
                        if (owner != AllowedType)
                        {
                            offences.Add($"{where}: converts a number to a Scalar ({ScalarCallGraph.Name(callee)}); use ScalarMath");
                        }

                        continue;
                    }

                    if (graph.CreatingChain(callee) is { } chain)
                    {
                        offences.Add($"{where}: calls {ScalarCallGraph.Name(callee)}, which creates a Scalar ({chain})");
                    }

                    Remember(usedTypes, callee.ReturnType, where);
                    if (instruction.OpCode.Code == Code.Newobj)
                    {
                        Remember(usedTypes, callee.DeclaringType, where);
                    }
                }
            }
        }

        foreach (var (type, where) in usedTypes.Values)
        {
            foreach (var method in type.Methods.Where(m => m.IsVirtual && !m.IsNewSlot && m.HasBody))
            {
                if (graph.CreatingChain(method) is { } chain)
                {
                    offences.Add($"{where}: uses {type.Name}, whose override {ScalarCallGraph.Name(method)} creates a Scalar ({chain})");
                }
            }
        }

        return [.. offences];
    }

    private static void Remember(Dictionary<string, (TypeDefinition, string)> used, TypeReference type, string where)
    {
        if (type.Scope.Name is not ("TorchSharp" or "TorchSharp.dll") || type.IsGenericParameter)
        {
            return;
        }

        TypeDefinition? definition;
        try
        {
            definition = type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return;
        }

        if (definition is not null)
        {
            used.TryAdd(definition.FullName + " @ " + where, (definition, where));
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } parent ? Outermost(parent) : type;
}
