using FairSharp.Data.Tabular;

namespace FairSharp.Data.Tests.Tabular;

public sealed class FeatureEncoderTests
{
    [Fact]
    public void Numbers_are_standardised_on_train_rows_and_categories_fitted_on_all_rows()
    {
        var numeric = InputColumn.OfNumbers("x", [1, 3, 5, 100]);
        var constant = InputColumn.OfNumbers("c", [7, 7, 7, 7]);
        var category = InputColumn.OfCategories("k", ["b", "a", "b", "z"]);
        var encoder = FeatureEncoder.Fit([numeric, constant], [category], [0, 1, 2, 3], [0, 1]);
        encoder.Names.ShouldBe(["x", "c", "k_a", "k_b", "k_z"]);
        // train rows 0, 1: mean 2, population sd 1; the constant column is only centred.
        encoder.Transform([2, 3]).ShouldBe([3f, 0f, 0f, 1f, 0f, 98f, 0f, 0f, 0f, 1f]);
    }

    [Fact]
    public void Numeric_codes_sort_by_value_like_pandas_and_text_sorts_ordinally()
    {
        FeatureEncoder.SortCategories(["10", "2", "1", "24"]).ShouldBe(["1", "2", "10", "24"]);
        FeatureEncoder.SortCategories(["b", "10", "2"]).ShouldBe(["10", "2", "b"]);
        FeatureEncoder.SortCategories(["Private", "Federal-gov", "State-gov"]).ShouldBe(["Federal-gov", "Private", "State-gov"]);
    }
}
