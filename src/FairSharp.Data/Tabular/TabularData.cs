namespace FairSharp.Data.Tabular;

/// <summary>A tabular dataset after its source's row filter, before a protocol: inputs, target, sensitive attributes.</summary>
/// <param name="Dataset">Catalogue name.</param>
/// <param name="Labels">Binary target per row.</param>
/// <param name="Columns">Candidate input columns, in output order (numeric before categorical within the protocol).</param>
/// <param name="Sensitive">Binary sensitive attributes by name.</param>
/// <param name="DataSha256">Hash of the source files.</param>
internal sealed record TabularData(
    string Dataset,
    int[] Labels,
    IReadOnlyList<InputColumn> Columns,
    IReadOnlyDictionary<string, SensitiveColumn> Sensitive,
    string DataSha256)
{
    public int Count => Labels.Length;
}

/// <summary>One raw input column: numeric (standardised) or categorical (one-hot).</summary>
internal sealed record InputColumn(string Name, double[]? Numeric, string[]? Categorical)
{
    public static InputColumn OfNumbers(string name, double[] values) => new(name, values, null);

    public static InputColumn OfCategories(string name, string[] values) => new(name, null, values);

    public bool IsNumeric => Numeric is not null;
}

/// <summary>A binary sensitive attribute: s per row, the rows it keeps (null = all), and the raw input columns it
/// replaces (removed from the inputs when the attribute is sensitive).</summary>
internal sealed record SensitiveColumn(int[] Values, bool[]? Keep, IReadOnlyList<string> InputColumns);
