using FairSharp.Data.Tabular;

namespace FairSharp.Data.Tests.Tabular;

public sealed class NumpyPermutationTests
{
    [Fact]
    public void Reproduces_numpy_legacy_permutations()
    {
        // python3 -c "import numpy as np; np.random.seed(0); print(list(np.random.permutation(10)))" (numpy 1.24)
        NumpyPermutation.Of(10, 0).ShouldBe([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
        // np.random.seed(7); np.random.permutation(45222)[:5]: the size of the Fair Mixup Adult frame
        NumpyPermutation.Of(45222, 7)[..5].ShouldBe([34610, 38188, 5675, 17931, 1921]);
    }

    [Fact]
    public void Is_a_permutation_and_depends_on_the_seed()
    {
        var a = NumpyPermutation.Of(1000, 1);
        a.Order().ShouldBe(Enumerable.Range(0, 1000));
        NumpyPermutation.Of(1000, 2).ShouldNotBe(a);
    }
}
