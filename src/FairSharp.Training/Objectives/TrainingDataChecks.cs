using System.Globalization;
using FairSharp.Data;

namespace FairSharp.Training.Objectives;

/// <summary>Checks shared by methods whose penalty needs rows of given labels in every group.</summary>
public static class TrainingDataChecks
{
    /// <summary>Error text: a group has no training rows with a label the method needs
    /// (format: method, group name, label).</summary>
    public const string MissingCell = "method '{0}' needs training rows with y = {2} in every group, but group '{1}' has none";

    /// <summary>Throws <see cref="InvalidInputException"/> when some group has no training row with one of <paramref name="labels"/>.</summary>
    public static void RequireLabelsPerGroup(string method, DataSplit train, IReadOnlyList<string> groupNames, params int[] labels)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(groupNames);
        var seen = new bool[groupNames.Count, 2];
        for (var i = 0; i < train.Count; i++)
        {
            seen[train.Groups[i], train.Labels[i]] = true;
        }

        for (var g = 0; g < groupNames.Count; g++)
        {
            foreach (var label in labels)
            {
                if (!seen[g, label])
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MissingCell, method, groupNames[g], label));
                }
            }
        }
    }

    /// <summary>Labels whose rows the constraint's penalty compares across groups: none for dp, 0 and 1 for eo, 1 for eopp.</summary>
    public static int[] LabelsNeeded(FairnessConstraint constraint) => constraint switch
    {
        FairnessConstraint.EqualizedOdds => [0, 1],
        FairnessConstraint.EqualOpportunity => [1],
        _ => [],
    };
}
