using FairSharp.Data.Csv;

namespace FairSharp.Data.Catalogue;

/// <summary>
/// The fitted encoder of a model trained on a catalogue dataset (protocol ffb), as <see cref="DatasetLoader.Prepare"/>
/// fits it: the numeric inputs standardised with the training split's mean and population standard deviation in FFB's
/// float32 arithmetic, x′ = float32(float32(float32(x) − mean) / scale) (scikit-learn's <c>StandardScaler</c> on a
/// float32 frame, transformed in place), then the one-hot inputs with the categories of every kept row
/// (<c>pd.get_dummies</c> before the split); a category outside them is an all-zero one-hot row. The inputs are the
/// catalogue reader's columns: for Adult the raw fields; for German the raw fields, except that an input <c>sex</c>
/// holds <c>male</c>/<c>female</c> (from the personal-status code) and an input <c>age</c> holds <c>&gt;25</c>/<c>&lt;=25</c>.
/// </summary>
/// <param name="Dataset">Catalogue name.</param>
/// <param name="Numeric">Numeric inputs in input order (the catalogue has no missing numbers: no imputation).</param>
/// <param name="Categorical">Categorical inputs in input order (after the numeric ones), with their categories.</param>
/// <param name="FeatureNames">Names of the encoded columns: numeric names, then <c>column_category</c>.</param>
/// <param name="DataSha256">sha256 of the bundled files the encoder was fitted on.</param>
public sealed record CatalogueEncoding(
    string Dataset,
    IReadOnlyList<StandardisedColumn> Numeric,
    IReadOnlyList<CategoricalFeature> Categorical,
    IReadOnlyList<string> FeatureNames,
    string DataSha256);
