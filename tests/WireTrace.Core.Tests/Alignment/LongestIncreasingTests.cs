using WireTrace.Core.Alignment;

namespace WireTrace.Core.Tests.Alignment;

public sealed class LongestIncreasingTests
{
    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, new[] { true, true, true, true })]
    [InlineData(new[] { 0, 1, 7, 8, 2, 3, 4 }, new[] { true, true, false, false, true, true, true })]
    [InlineData(new[] { 5, 0, 1, 2 }, new[] { false, true, true, true })]
    [InlineData(new int[0], new bool[0])]
    public void Marks_sentences_out_of_source_order_as_moved(int[] sourceOrder, bool[] inOrder)
        => Assert.Equal(inOrder, SentenceAligner.LongestIncreasing(sourceOrder));
}
