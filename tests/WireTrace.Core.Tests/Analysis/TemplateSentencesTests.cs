using WireTrace.Core.Analysis;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Analysis;

public sealed class TemplateSentencesTests
{
    private static readonly TextAnalyzer Analyzer = new(Porter2Stemmer.Instance);

    [Fact]
    public void A_line_on_enough_pages_of_one_outlet_is_a_template_whatever_its_case_and_punctuation()
    {
        var templates = new TemplateSentences();
        var pages = new[]
        {
            Analyzer.Analyze("The dam broke on Friday. Chat with us in Facebook Messenger."),
            Analyzer.Analyze("Rain fell for a week. Chat with us, in facebook messenger!"),
            Analyzer.Analyze("CHAT WITH US IN FACEBOOK MESSENGER. The vote was close."),
        };
        foreach (var page in pages) templates.Count("Daily News", page);
        templates.Count(null, pages[0]);

        Assert.True(templates.IsTemplate("Daily News", pages[0], 1));
        Assert.True(templates.IsTemplate("daily news ", pages[1], 1));
        Assert.True(templates.IsTemplate("Daily News", pages[2], 0));
        Assert.False(templates.IsTemplate("Daily News", pages[0], 0));
        Assert.False(templates.IsTemplate("Daily News", pages[2], 1));
        // The same line under another outlet, or with another word, or without an outlet, is no template.
        Assert.False(templates.IsTemplate("Other Times", pages[0], 1));
        Assert.False(templates.IsTemplate("Daily News", Analyzer.Analyze("Chat with us in Facebook Messenger now."), 0));
        Assert.False(templates.IsTemplate(null, pages[0], 1));
    }

    [Fact]
    public void A_line_on_too_small_a_share_of_the_outlets_pages_is_no_template()
    {
        var templates = new TemplateSentences();
        for (int i = 0; i < 10; i++)
        {
            var text = i < 3 ? $"Story number {i} ran. Back to Gallery." : $"Story number {i} ran.";
            templates.Count("Wire", Analyzer.Analyze(text));
        }
        Assert.False(templates.IsTemplate("Wire", Analyzer.Analyze("Another story ran. Back to Gallery."), 1));
    }
}
