namespace FairSharp.Data.Csv;

/// <summary>A numeric input: training median (imputes missing values), mean and scale (standardisation).</summary>
/// <param name="Name">Column name.</param>
/// <param name="Median">Median of the training split's non-missing values.</param>
/// <param name="Mean">Mean of the training split (after imputation).</param>
/// <param name="Scale">Population standard deviation of the training split, or 1 for a constant column.</param>
public sealed record NumericFeature(string Name, double Median, double Mean, double Scale);
