namespace FairSharp.Data;

/// <summary>
/// The one encoding of a (group, label) cell as an index: <c>cell = group·2 + y</c>, so the cells run (0,0), (0,1),
/// (1,0), (1,1), … Used by the stratified splits, the (group, label) sampler, the trainer's batch clamp and the
/// objectives' cell strata (which may still visit the cells in another order).
/// </summary>
public static class GroupLabelCell
{
    /// <summary>Index of the cell of <paramref name="group"/> and binary <paramref name="label"/>: group·2 + label.</summary>
    public static int Index(int group, int label) => (group * 2) + label;

    /// <summary>Number of cells of <paramref name="groupCount"/> groups: 2·G.</summary>
    public static int Count(int groupCount) => groupCount * 2;

    /// <summary>The group of a cell index.</summary>
    public static int Group(int cell) => cell / 2;

    /// <summary>The label of a cell index.</summary>
    public static int Label(int cell) => cell % 2;
}
