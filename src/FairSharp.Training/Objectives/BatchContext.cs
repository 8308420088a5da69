using FairSharp.Data;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>One training batch as tensors, with its strata.</summary>
/// <remarks>The tensors live in the trainer's per-step dispose scope. <see cref="GroupStrata"/> and
/// <see cref="CellStrata"/> are computed from the batch's own rows, so they are right whatever sampler made the
/// batch (a stratified sampler gives equal counts).</remarks>
public sealed class BatchContext
{
    private readonly int[] labels;
    private readonly int[] groups;
    private IReadOnlyList<Stratum>? groupStrata;
    private IReadOnlyList<Stratum>? cellStrata;

    /// <summary>Creates a batch.</summary>
    /// <param name="x">Inputs, [N, ..sample shape].</param>
    /// <param name="y">Labels as float 0/1, [N].</param>
    /// <param name="group">Group indices (int64), [N].</param>
    /// <param name="labels">Labels of the rows, as .NET ints (same order).</param>
    /// <param name="groups">Groups of the rows, as .NET ints (same order).</param>
    /// <param name="groupCount">Number of groups G in the dataset.</param>
    public BatchContext(Tensor x, Tensor y, Tensor group, int[] labels, int[] groups, int groupCount)
    {
        X = x;
        Y = y;
        Group = group;
        this.labels = labels;
        this.groups = groups;
        GroupCount = groupCount;
    }

    /// <summary>The rows <paramref name="rows"/> of a split whose tensors are already on the device
    /// (<see cref="TensorConversion.ToTensors(DataSplit, Device?)"/>), selected with <c>index_select</c>.</summary>
    public static BatchContext FromRows(SplitTensors all, DataSplit split, int[] rows, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(rows);
        var index = tensor(rows.Select(r => (long)r).ToArray(), device: all.X.device);
        var labels = new int[rows.Length];
        var groups = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = split.Labels[rows[i]];
            groups[i] = split.Groups[rows[i]];
        }

        return new BatchContext(all.X.index_select(0, index), all.Y.index_select(0, index), all.G.index_select(0, index), labels, groups, groupCount);
    }

    /// <summary>Inputs, [N, ..sample shape].</summary>
    public Tensor X { get; }

    /// <summary>Labels, float 0/1, [N].</summary>
    public Tensor Y { get; }

    /// <summary>Group indices, int64, [N].</summary>
    public Tensor Group { get; }

    /// <summary>Number of groups in the dataset.</summary>
    public int GroupCount { get; }

    /// <summary>Rows in the batch.</summary>
    public int Count => labels.Length;

    /// <summary>Labels of the rows as .NET ints.</summary>
    public IReadOnlyList<int> Labels => labels;

    /// <summary>Groups of the rows as .NET ints.</summary>
    public IReadOnlyList<int> Groups => groups;

    /// <summary>One stratum per group present in the batch, in group order.</summary>
    public IReadOnlyList<Stratum> GroupStrata => groupStrata ??= BuildStrata(byLabel: false);

    /// <summary>One stratum per (group, label) cell present in the batch, ordered by label then group.</summary>
    public IReadOnlyList<Stratum> CellStrata => cellStrata ??= BuildStrata(byLabel: true);

    /// <summary>Rows of <paramref name="t"/> (batch-aligned) that belong to <paramref name="stratum"/>.</summary>
    public static Tensor Select(Tensor t, Stratum stratum) => t.index_select(0, stratum.Positions);

    // Keys: the group, or the cell index of GroupLabelCell; cell strata are listed label-major (y = 0 cells first), the
    // order FAIRER's joint pass concatenates them in.
    private IReadOnlyList<Stratum> BuildStrata(bool byLabel)
    {
        var keys = byLabel ? GroupLabelCell.Count(GroupCount) : GroupCount;
        var members = new List<long>[keys];
        for (var i = 0; i < labels.Length; i++)
        {
            var key = byLabel ? GroupLabelCell.Index(groups[i], labels[i]) : groups[i];
            (members[key] ??= []).Add(i);
        }

        var order = byLabel
            ? Enumerable.Range(0, 2).SelectMany(y => Enumerable.Range(0, GroupCount).Select(g => GroupLabelCell.Index(g, y)))
            : Enumerable.Range(0, GroupCount);
        var result = new List<Stratum>();
        foreach (var key in order)
        {
            if (members[key] is { Count: > 0 } rows)
            {
                var positions = tensor(rows.ToArray(), device: X.device);
                result.Add(byLabel
                    ? new Stratum(GroupLabelCell.Group(key), GroupLabelCell.Label(key), positions, rows.Count)
                    : new Stratum(key, null, positions, rows.Count));
            }
        }

        return result;
    }
}
