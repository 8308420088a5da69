using System.Text.Json;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// <c>plan.json</c> in a sweep folder. The first run writes it; a later run in the same folder must have the same
/// plan (then it resumes), otherwise it is refused with the options that differ, so results of two different plans
/// never mix in one <c>trials.jsonl</c>.
/// </summary>
public static class PlanFile
{
    /// <summary>File name inside the sweep folder.</summary>
    public const string FileName = "plan.json";

    /// <summary>Current format version. 2: a stitch trial's settings (layer, initialisation, batch size, pool, epochs,
    /// gate, …) are knobs in its options and enter its id; a format-1 plan of network methods only has the same ids
    /// and resumes.</summary>
    public const int CurrentFormat = 2;

    /// <summary>Writes the plan into <paramref name="directory"/> (creating it), or checks that the plan already
    /// there is the same one. Throws <see cref="InvalidInputException"/> (<see cref="ExperimentErrors.DifferentPlan"/>)
    /// when it is not.</summary>
    public static void WriteOrCheck(string directory, SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(plan);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var existing = Read(path);
            if (existing.Format < 2 && existing.Methods.Any(m => m.UsesStitch))
            {
                throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.OldStitchPlan, directory));
            }

            if (existing.PlanId != plan.Id)
            {
                throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.DifferentPlan, directory, Describe(existing.Options, plan.Options)));
            }

            return;
        }

        Directory.CreateDirectory(directory);
        var document = PlanDocument.Of(plan);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, SweepJson.Indented) + "\n");
    }

    /// <summary>Reads a plan file; throws <see cref="InvalidInputException"/> when it is not one.</summary>
    public static PlanDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        PlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(File.ReadAllText(path), SweepJson.Indented);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.BadPlanFile, path, Training.Runs.JsonProblem.Describe(e)), e);
        }

        if (document is null || document.Format is < 1 or > CurrentFormat || document.Trials is null || document.Options is null || document.Methods is null)
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.BadPlanFile, path, "missing fields or unknown format"));
        }

        return document;
    }

    /// <summary>Names the options that differ between two plans, e.g. <c>lambdas 0.1,1 → 0.1,0.3</c>.</summary>
    public static string Describe(SweepOptions existing, SweepOptions requested)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(requested);
        var differences = new List<string>();
        void Compare(string name, string a, string b)
        {
            if (a != b)
            {
                differences.Add($"{name} {a} → {b}");
            }
        }

        static string List<T>(IEnumerable<T> values) => values.Any()
            ? string.Join(',', values.Select(v => FormattableString.Invariant($"{v}")))
            : "(none)";

        Compare("dataset", existing.Dataset, requested.Dataset);
        Compare("data sha256", existing.DataSha256 ?? "(none)", requested.DataSha256 ?? "(none)");
        Compare("sensitive", List(existing.Sensitive), List(requested.Sensitive));
        Compare("methods", List(existing.Methods), List(requested.Methods));
        Compare("constraint", existing.Constraint, requested.Constraint);
        Compare("lambdas", List(existing.Lambdas), List(requested.Lambdas));
        Compare("seeds", FormattableString.Invariant($"{existing.Seeds}"), FormattableString.Invariant($"{requested.Seeds}"));
        Compare("seed", FormattableString.Invariant($"{existing.Seed}"), FormattableString.Invariant($"{requested.Seed}"));
        Compare("protocol", existing.Protocol ?? "(default)", requested.Protocol ?? "(default)");
        Compare("epochs", existing.Epochs is { } e1 ? FormattableString.Invariant($"{e1}") : "(default)",
            requested.Epochs is { } e2 ? FormattableString.Invariant($"{e2}") : "(default)");
        Compare("stitch layers", List(existing.StitchLayers), List(requested.StitchLayers));
        Compare("stitch inits", List(existing.StitchInits), List(requested.StitchInits));
        Compare("rationale", existing.RecordRationale ? "recorded" : "not recorded", requested.RecordRationale ? "recorded" : "not recorded");
        return differences.Count > 0 ? string.Join("; ", differences) : "same options, different trial list";
    }
}
