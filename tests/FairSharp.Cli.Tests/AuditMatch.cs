using System.Text.Json;
using Shouldly;

namespace FairSharp.Cli.Tests;

/// <summary>The check that `fairsharp audit` on a model's scored test rows reproduces the model's result.json.</summary>
internal static class AuditMatch
{
    /// <summary>Every key of result.json's <c>test</c> block that audit's <c>fairness</c> block also reports must have
    /// the same JSON text (bitwise the same number); more than 20 keys must be compared.</summary>
    /// <param name="auditJson">audit's standard output.</param>
    /// <param name="resultJsonPath">The model folder's result.json.</param>
    public static void ShouldReproduceTestMetrics(string auditJson, string resultJsonPath)
    {
        using var audited = JsonDocument.Parse(auditJson);
        using var result = JsonDocument.Parse(File.ReadAllText(resultJsonPath));
        var fairness = audited.RootElement.GetProperty("fairness");
        var compared = 0;
        foreach (var metric in result.RootElement.GetProperty("test").EnumerateObject())
        {
            if (fairness.TryGetProperty(metric.Name, out var value))
            {
                value.ToString().ShouldBe(metric.Value.ToString(), metric.Name);
                compared++;
            }
        }

        compared.ShouldBeGreaterThan(20);
    }
}
