using FairSharp.Data.Catalogue;
using FairSharp.Experiments;
using FairSharp.Experiments.Sweeps;
using FairSharp.Metrics;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 2, "a sweep poisoned by a bad environment": a setting no trial can survive is refused before the
/// first trial (the folder is not even created), and a failure of the surroundings during a sweep leaves no record,
/// so that the same command resumes once the cause is fixed.</summary>
public sealed class Class2PoisonedSweepTests : IDisposable
{
    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    private string[] Sweep(params string[] more) =>
        ["sweep", "--dataset", "german", "--methods", "erm,gapreg", "--lambdas", "1", "--seeds", "1", "--epochs", "1", "--jobs", "1", "--out", _h.PathOf("out"), .. more];

    [Fact]
    public void A_data_folder_without_the_files_is_refused_before_any_trial()
    {
        var empty = _h.PathOf("nodata");
        Directory.CreateDirectory(empty);
        Hostile.Refuses(Sweep("--data-dir", empty), Hostile.F(FileVerifier.MissingMessage, Path.Combine(empty, "german", "german.data")), _h.Root);
    }

    [Fact]
    public void A_tampered_data_file_is_refused_before_any_trial()
    {
        var data = _h.GermanCopy(b => [.. b[..^10], .. "A11 6 A34 "u8.ToArray()]);
        var (exit, output, error) = CliRunner.Run(Sweep("--data-dir", data));
        exit.ShouldBe(ExitCodes.BadInput, error);
        output.ShouldBeEmpty();
        error.ShouldStartWith($"fairsharp: {Path.Combine(data, "german", "german.data")}: sha256 mismatch (expected ");
        Directory.Exists(_h.PathOf("out")).ShouldBeFalse();
    }

    [Fact]
    public void An_empty_data_file_says_no_data_rows_not_an_empty_group()
    {
        var data = _h.GermanCopy(_ => []);
        var file = Path.Combine(data, "german", "german.data");
        var (exit, _, error) = CliRunner.Run(Sweep("--data-dir", data));
        exit.ShouldBe(ExitCodes.BadInput, error);
        error.ShouldStartWith($"fairsharp: {file}: sha256 mismatch");
        Should.Throw<InvalidInputException>(() => FairSharp.Data.DatasetLoader.Prepare(new FairSharp.Data.DataRequest("german", ["sex"]) { DataDirectory = data, VerifyChecksums = false }))
            .Message.ShouldBe(Hostile.F(FairSharp.Data.DataErrors.EmptyFile, file));
    }

    [Fact]
    public void A_stitch_layer_beyond_the_backbone_is_refused_before_any_trial() =>
        Hostile.Refuses(["sweep", "--dataset", "german", "--methods", "tfs", "--lambdas", "1", "--seeds", "1", "--epochs", "1", "--stitch-layers", "0,9", "--out", _h.PathOf("out")],
            Hostile.F(ExperimentErrors.BadStitchLayer, 9, "german", 2), _h.Root);

    [Theory]
    [InlineData("--utility", "acuracy")]
    [InlineData("--gap", "dp")]
    public void An_unknown_metric_key_is_refused_before_any_trial(string option, string key) =>
        Hostile.Refuses(Sweep(option, key), Hostile.F(ExperimentErrors.UnknownMetricKey, option, key, string.Join(", ", MetricKeys.All)), _h.Root);

    [Fact]
    public void Threads_below_one_are_refused() =>
        Hostile.Refuses(Sweep("--threads", "0"), Hostile.F(ExperimentErrors.ThreadsNotPositive, 0), _h.Root);

    /// <summary>A worker process that is the shell <paramref name="script"/>.</summary>
    private static ProcessTrialWorker Shell(string script) => new(new WorkerCommand("/bin/sh", ["-c", script, "worker"]));

    private static SweepPlan OneTrial() => Hostile.Plan(Hostile.GermanOptions with { Methods = ["erm"], Seeds = 1 });

    [Fact]
    public async Task A_failure_of_the_surroundings_leaves_no_record_and_the_sweep_resumes()
    {
        const string script = "echo 'fairsharp: the data changed since the sweep started' >&2; exit 3";
        const string reason = "worker exited with code 3: fairsharp: the data changed since the sweep started";
        var folder = _h.PathOf("s");
        var plan = OneTrial();
        var error = await Should.ThrowAsync<TrialEnvironmentException>(() =>
            new SweepRunner(Shell(script)).RunAsync(plan, ShardSpec.All, folder, 1, null, null, CancellationToken.None));
        var trial = plan.Trials[0];
        error.Message.ShouldBe(Hostile.F(ExperimentErrors.EnvironmentFailure, trial.Id, trial.Curve, trial.Lambda, trial.Seed, reason));
        File.Exists(Path.Combine(folder, TrialStore.FileName)).ShouldBeFalse();

        var result = await new SweepRunner(new InProcessTrialWorker(new FixedRunner())).RunAsync(plan, ShardSpec.All, folder, 1, null, null, CancellationToken.None);
        result.Ran.ShouldBe(1);
        result.Skipped.ShouldBe(0);
        new TrialStore(folder).Read().Records.Single().Status.ShouldBe(TrialStatus.Ok);
    }

    [Fact]
    public async Task A_trial_that_crashes_on_its_own_is_recorded_as_failed_after_its_attempts()
    {
        var folder = _h.PathOf("s");
        var result = await new SweepRunner(Shell("echo 'segfault in the method' >&2; exit 1")).RunAsync(OneTrial(), ShardSpec.All, folder, 1, null, null, CancellationToken.None);
        result.Failed.ShouldBe(1);
        new TrialStore(folder).Read().Records.Single().Error.ShouldBe(Hostile.F(ExperimentErrors.WorkerLostTooOften, 3, "worker exited with code 1 without a result: segfault in the method"));
    }

    [Fact]
    public async Task An_unreadable_file_inside_a_trial_is_the_environments_failure()
    {
        var folder = _h.PathOf("s");
        await Should.ThrowAsync<TrialEnvironmentException>(() =>
            new SweepRunner(new InProcessTrialWorker(new FixedRunner(new IOException("Input/output error")))).RunAsync(OneTrial(), ShardSpec.All, folder, 1, null, null, CancellationToken.None));
        File.Exists(Path.Combine(folder, TrialStore.FileName)).ShouldBeFalse();
    }

    /// <summary>A runner that returns fixed metrics, or throws <paramref name="failure"/>.</summary>
    private sealed class FixedRunner(Exception? failure = null) : ITrialRunner
    {
        public IMethodCatalog Catalog => new FairSharp.Experiments.Trials.TrainingTrialRunner().Catalog;

        public TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken)
        {
            if (failure is not null)
            {
                throw failure;
            }

            var record = Hostile.Record(spec.Config);
            return new TrialOutcome(TrialStatus.Ok, record.Metrics, record.ByGroup, 1, null);
        }
    }
}
