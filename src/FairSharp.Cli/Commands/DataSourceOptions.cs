using System.CommandLine;
using System.Globalization;
using FairSharp.Data.Csv;

namespace FairSharp.Cli.Commands;

/// <summary>The options that name a user's CSV in place of <c>--dataset</c> (train, sweep, stitch, rationale): spelled,
/// described and turned into <see cref="CsvDataOptions"/> in one place.</summary>
internal sealed class DataSourceOptions
{
    /// <summary>Error text: both or neither of <c>--dataset</c> and <c>--data</c>/<c>--train</c>.</summary>
    public const string DatasetOrData = "give --dataset NAME (a bundled dataset) or --data FILE.csv (your own), not both";

    /// <summary>Error text: a CSV option without <c>--data</c> (format: the option).</summary>
    public const string NeedsData = "{0} applies to a CSV given with --data (or --train/--valid/--test)";

    /// <summary>Error text: a bad separator (format: text).</summary>
    public const string BadSeparator = "--separator must be one character (',', ';' or 'tab'), got '{0}'";

    public Option<string?> Data { get; } = new("--data") { Description = "Your own CSV in place of --dataset (header row; comma, semicolon or tab, detected); split 60/20/20 stratified by (group, label)." };

    public Option<string?> Target { get; } = new("--target") { Description = "With --data: the binary target column." };

    public Option<string?> Positive { get; } = new("--positive") { Description = "With --data: the target value that means y = 1 (default: the one of two values that is 1, true or yes)." };

    public Option<string?> Features { get; } = new("--features") { Description = "With --data: input columns, comma-separated (default: every other column)." };

    public Option<string?> Drop { get; } = new("--drop") { Description = "With --data: columns left out of the inputs, comma-separated (e.g. an id)." };

    public Option<string?> Categorical { get; } = new("--categorical") { Description = "With --data: columns one-hot encoded even though they hold numbers (integer codes)." };

    public Option<string?> Numeric { get; } = new("--numeric") { Description = "With --data: columns that must be numbers (text is an error naming line and value)." };

    public Option<string?> Separator { get; } = new("--separator") { Description = "With --data: field separator ',', ';' or 'tab' (default: detected from the header)." };

    public Option<string?> Split { get; } = new("--split") { Description = "With --data: train,validation,test fractions (default 0.6,0.2,0.2)." };

    public Option<string?> Train { get; } = new("--train") { Description = "Your own training CSV (with --valid and --test) in place of --data's split." };

    public Option<string?> Valid { get; } = new("--valid") { Description = "Your own validation CSV (with --train and --test)." };

    public Option<string?> Test { get; } = new("--test") { Description = "Your own test CSV (with --train and --valid)." };

    private Option[] All => [Data, Target, Positive, Features, Drop, Categorical, Numeric, Separator, Split, Train, Valid, Test];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The CSV options of the command line, or null when it names no CSV (then no CSV option may be given).</summary>
    /// <exception cref="InvalidInputException">A CSV option without a CSV, or a bad value.</exception>
    public CsvDataOptions? Read(ParseResult parse, IReadOnlyList<string> sensitive, int seed)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var data = parse.GetValue(Data);
        var own = parse.GetValue(Train) ?? parse.GetValue(Valid) ?? parse.GetValue(Test);
        if (data is null && own is null)
        {
            foreach (var option in All.Where(o => parse.GetResult(o) is not null))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, NeedsData, option.Name));
            }

            return null;
        }

        var options = new CsvDataOptions(parse.GetValue(Target) ?? string.Empty, sensitive)
        {
            DataFile = data,
            TrainFile = parse.GetValue(Train),
            ValidationFile = parse.GetValue(Valid),
            TestFile = parse.GetValue(Test),
            Positive = parse.GetValue(Positive),
            Features = parse.GetValue(Features) is { } features ? List(features) : null,
            Drop = List(parse.GetValue(Drop)),
            Categorical = List(parse.GetValue(Categorical)),
            Numeric = List(parse.GetValue(Numeric)),
            Separator = ParseSeparator(parse.GetValue(Separator)),
            Seed = seed,
        };
        if (parse.GetValue(Split) is { } split)
        {
            var (train, validation, test) = CsvDataOptions.ParseSplit(split);
            options = options with { TrainFraction = train, ValidationFraction = validation, TestFraction = test };
        }

        options.Validate();
        return options;
    }

    /// <summary>The label a CSV run records as its dataset: the file name of <c>--data</c> (or of <c>--train</c>).</summary>
    public static string Label(CsvDataOptions options) => Path.GetFileName(options.Files[0]);

    private static string[] List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses a <c>--separator</c>: one character, or <c>tab</c>.</summary>
    public static char? ParseSeparator(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadSeparator, text)),
    };
}
