namespace FairSharp.Data;

/// <summary>
/// The one-line error texts of FairSharp.Data (format strings; the CLI prints them after <c>fairsharp: </c> and exits
/// with code 2). Tests assert them exactly.
/// </summary>
public static class DataErrors
{
    /// <summary>Unknown dataset; {0} the name, {1} the known names.</summary>
    public const string UnknownDataset = "unknown dataset '{0}' (known: {1})";

    /// <summary>Unknown sensitive attribute; {0} the attribute, {1} the dataset, {2} the known attributes.</summary>
    public const string UnknownAttribute = "unknown sensitive attribute '{0}' for dataset '{1}' (known: {2})";

    /// <summary>No sensitive attribute given.</summary>
    public const string NoSensitive = "no sensitive attribute given: name at least one (e.g. --sensitive sex)";

    /// <summary>A sensitive attribute named twice; {0} the attribute.</summary>
    public const string DuplicateAttribute = "sensitive attribute '{0}' is given twice";

    /// <summary>Unknown protocol; {0} the name, {1} the known names.</summary>
    public const string UnknownProtocol = "unknown protocol '{0}' (known: {1})";

    /// <summary>A protocol that does not apply to a dataset; {0} protocol, {1} dataset, {2} the datasets it applies to.</summary>
    public const string ProtocolNotForDataset = "protocol '{0}' does not apply to dataset '{1}' (it applies to: {2})";

    /// <summary>Split fractions out of range; {0} train, {1} validation, {2} test.</summary>
    public const string BadFractions = "split fractions must be positive and sum to 1 (train {0}, validation {1}, test {2})";

    /// <summary>Quantile bins out of range; {0} the value.</summary>
    public const string BadBins = "quantile bins must be between 2 and 100, got {0}";

    /// <summary>Image size out of range; {0} the value.</summary>
    public const string BadImageSize = "image size must be between 8 and 512 pixels, got {0}";

    /// <summary>A column to drop that the dataset does not have; {0} the column, {1} the dataset, {2} the known columns.</summary>
    public const string UnknownDropColumn = "cannot drop column '{0}': dataset '{1}' has no such input column (inputs: {2})";

    /// <summary>A row with the wrong number of fields; {0} file, {1} line, {2} expected, {3} found.</summary>
    public const string FieldCount = "{0}, line {1}: expected {2} fields, found {3}";

    /// <summary>A file read a second time (a column's texts) whose bytes changed; {0} file.</summary>
    public const string CsvChanged = "{0}: the file changed while it was being read";

    /// <summary>A field that must be a number; {0} file, {1} line, {2} column, {3} value.</summary>
    public const string NotANumber = "{0}, line {1}, column '{2}': '{3}' is not a number";

    /// <summary>A value outside the column's documented codes; {0} file, {1} line, {2} column, {3} value.</summary>
    public const string UnknownCode = "{0}, line {1}, column '{2}': unknown value '{3}'";

    /// <summary>A header that lacks a needed column; {0} file, {1} column.</summary>
    public const string MissingColumn = "{0}: column '{1}' not found in the header";

    /// <summary>A row of new data whose sensitive values form no group of the training data (format: file, line, columns, group).</summary>
    public const string UnknownGroup = "{0}, line {1}, column '{2}': group '{3}' is not one of the model's groups (a post-processed model needs every row in a known group)";

    /// <summary>A file with no data rows; {0} file.</summary>
    public const string EmptyFile = "{0}: no data rows";

    /// <summary>A split with no rows of some group; {0} split, {1} group name, {2} dataset.</summary>
    public const string EmptyGroup = "split '{0}' of dataset '{2}' has no rows of group '{1}': choose fewer sensitive attributes or other split fractions";

    /// <summary>The UTKFace folder was not found; {0} the places looked at.</summary>
    public const string UtkFaceNotFound = "cannot find UTKFace (looked in {0}); pass its folder (the 32x32 derivative or a folder of *.jpg.chip.jpg files)";

    /// <summary>A UTKFace folder with neither layout; {0} the folder.</summary>
    public const string UtkFaceEmpty = "{0}: neither the 32x32 derivative (utkface_crop_part1_labels.csv) nor any *.jpg.chip.jpg file";

    /// <summary>A UTKFace pixel file with the wrong size; {0} file(s), {1} expected bytes, {2} found bytes.</summary>
    public const string UtkFacePixelSize = "{0}: expected {1} pixel bytes, found {2}: the file is changed or truncated";

    /// <summary>A JPEG that cannot be decoded; {0} the file.</summary>
    public const string ImageDecode = "{0}: cannot decode the image";

    /// <summary>A corrupt gzip stream; {0} the file.</summary>
    public const string BadGzip = "{0}: not a valid gzip file (truncated or changed)";

    /// <summary>A CSV row that cannot be parsed (e.g. an unclosed quote); {0} file, {1} line.</summary>
    public const string MalformedCsv = "{0}, line {1}: malformed CSV row (unclosed quote or stray character)";

    /// <summary>A batch size below 1; {0} the value.</summary>
    public const string BadBatchSize = "batch size must be at least 1, got {0}";

    /// <summary>Drop-last batches larger than the data; {0} batch size, {1} rows.</summary>
    public const string BatchLargerThanData = "batch size {0} is larger than the {1} rows: dropping the last incomplete batch would leave no batch (use a smaller batch)";

    /// <summary>A stratum smaller than the per-stratum batch; {0} stratum, {1} rows, {2} batch.</summary>
    public const string StratumTooSmall = "stratum '{0}' has {1} rows, fewer than the per-stratum batch of {2}";

    /// <summary>Iterations per epoch below 1; {0} the value.</summary>
    public const string BadIterations = "iterations per epoch must be at least 1, got {0}";

    /// <summary>Neither <c>--data</c> nor all three of <c>--train</c>, <c>--valid</c>, <c>--test</c>, or both.</summary>
    public const string CsvFiles = "give either --data FILE or all three of --train FILE --valid FILE --test FILE";

    /// <summary>No target column given.</summary>
    public const string NoTarget = "no target column given: name it with --target";

    /// <summary>A column in two roles; {0} column, {1} one role, {2} the other.</summary>
    public const string ColumnTwoRoles = "column '{0}' cannot be both {1} and {2}";

    /// <summary>Both an input list and a drop list.</summary>
    public const string FeaturesAndDrop = "give --features or --drop, not both";

    /// <summary>A bad <c>--split</c>; {0} the text.</summary>
    public const string BadSplit = "--split must be three fractions train,validation,test (e.g. 0.6,0.2,0.2), got '{0}'";

    /// <summary>A data file that does not exist; {0} path.</summary>
    public const string CsvNotFound = "{0}: file not found";

    /// <summary>Every row lacks the target or a sensitive value; {0} file, {1} target, {2} sensitive columns.</summary>
    public const string NoCompleteRows = "{0}: no row has both a target ('{1}') and every sensitive value ('{2}')";

    /// <summary>A <c>--positive</c> value the target never takes; {0} file, {1} value, {2} column, {3} the values.</summary>
    public const string PositiveNotFound = "{0}: --positive '{1}' is not a value of target column '{2}' (values: {3})";

    /// <summary>A target without exactly two values and no <c>--positive</c>; {0} file, {1} column, {2} count, {3} the values.</summary>
    public const string TargetNotBinary = "{0}: target column '{1}' has {2} values ({3}); a binary target needs two, or name the positive one with --positive";

    /// <summary>Two target values, neither 1/true/yes; {0} file, {1} column, {2} the values.</summary>
    public const string PositiveUnknown = "{0}: target column '{1}' has values {2}: name the positive one with --positive";

    /// <summary>A sensitive column with one value; {0} file, {1} column, {2} the value.</summary>
    public const string SingleGroup = "{0}: sensitive column '{1}' has a single value ('{2}'): fairness needs at least two groups";

    /// <summary>A column whose every field is missing; {0} file, {1} column.</summary>
    public const string AllMissing = "{0}: column '{1}' has no values (every field is missing): leave it out with --drop";

    /// <summary>A numeric column with no value in the training split; {0} file, {1} column.</summary>
    public const string AllMissingInTrain = "{0}: column '{1}' has no values in the training split: leave it out with --drop";

    /// <summary>Too many categories; {0} file, {1} column, {2} count, {3} the limit.</summary>
    public const string TooManyCategories = "{0}: column '{1}' has {2} categories, more than {3}: leave it out with --drop (an id or free text?) or declare it --numeric";
}
