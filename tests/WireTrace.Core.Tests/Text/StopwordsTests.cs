using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class StopwordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    [InlineData("don't")]
    [InlineData("themselves")]
    [InlineData("very")]
    public void Function_words_are_stopwords(string word) => Assert.True(Stopwords.Contains(word));

    [Theory]
    [InlineData("summit")]
    [InlineData("putin")]
    [InlineData("The")]
    [InlineData("")]
    public void Content_words_and_non_normalised_forms_are_not(string word) => Assert.False(Stopwords.Contains(word));

    [Fact]
    public void The_list_is_the_snowball_english_list() => Assert.InRange(Stopwords.Count, 170, 180);
}
