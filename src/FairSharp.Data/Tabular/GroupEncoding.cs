using FairSharp.Data.Catalogue;

namespace FairSharp.Data.Tabular;

/// <summary>Group indices from one or more binary sensitive attributes: index = s1·2^(K−1) + … + sK (intersectional).</summary>
internal static class GroupEncoding
{
    /// <summary>Display names of the 2^K groups, e.g. <c>sex=Male,race=White</c>.</summary>
    public static string[] Names(IReadOnlyList<SensitiveAttribute> attributes)
    {
        var names = new string[1 << attributes.Count];
        for (var g = 0; g < names.Length; g++)
        {
            names[g] = string.Join(",", attributes.Select((a, k) =>
                $"{a.Name}={(((g >> (attributes.Count - 1 - k)) & 1) == 1 ? a.Value1 : a.Value0)}"));
        }

        return names;
    }

    /// <summary>The group index of each row from the attributes' s values.</summary>
    public static int[] Encode(IReadOnlyList<int[]> values, int rows)
    {
        var groups = new int[rows];
        foreach (var s in values)
        {
            for (var i = 0; i < rows; i++)
            {
                groups[i] = (groups[i] << 1) | s[i];
            }
        }

        return groups;
    }

    /// <summary>Throws when a split has no row of some group.</summary>
    public static void RequireEveryGroup(DataSplit split, IReadOnlyList<string> groupNames, string dataset)
    {
        var counts = new int[groupNames.Count];
        foreach (var g in split.Groups)
        {
            counts[g]++;
        }

        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] == 0)
            {
                throw new InvalidInputException(string.Format(DataErrors.EmptyGroup, split.Name, groupNames[g], dataset));
            }
        }
    }
}
