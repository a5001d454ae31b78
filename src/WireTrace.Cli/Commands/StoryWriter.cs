using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary>
/// Streams the scan JSON of a large pile from its <see cref="ScanOutcome"/> without holding the texts decoded, and
/// picks the largest stories for the console and the HTML report.
/// </summary>
internal sealed class StoryWriter(ScanPipeline pipeline, ScanOutcome outcome, CancellationToken cancel)
{
    /// <summary>Stories <paramref name="numbers"/> (positions in story order), with their members analysed again, by id (for the HTML report).</summary>
    public (List<Story> Stories, Dictionary<string, AnalyzedDocument> Documents) WithDocuments(IReadOnlyList<int> numbers)
    {
        var docs = pipeline.LoadAll(outcome.Articles, numbers.SelectMany(n => outcome.Shapes[n].Members), cancel);
        return (Stories(numbers), docs.Values.ToDictionary(d => d.Id, StringComparer.Ordinal));
    }

    /// <summary>Stories <paramref name="numbers"/> (positions in story order).</summary>
    public List<Story> Stories(IReadOnlyList<int> numbers) => numbers.Select(n => outcome.Stories[n]).ToList();

    /// <summary>The whole scan contract: every document, every story, the unrelated ids.</summary>
    public void WriteJson(Stream output, ScanProgress progress)
    {
        using var json = new ScanJsonStream(output, pipeline.Analyzer.Similarity.Name);
        var documents = progress.Begin("writing documents", outcome.Articles.Count, "articles");
        foreach (var a in outcome.Articles)
        {
            json.WriteDocument(a.Article(), a.SentenceSpans(), a.Words);
            documents.Advance(1);
        }
        documents.Complete();

        json.StartStories();
        var stories = progress.Begin("writing stories", outcome.Stories.Count, "stories");
        for (int n = 0; n < outcome.Stories.Count; n++)
        {
            var texts = outcome.Shapes[n].Members.ToDictionary(m => outcome.Articles[m].Id, m => outcome.Articles[m].SentenceTexts(), StringComparer.Ordinal);
            json.WriteStory(outcome.Stories[n], (id, i) => texts[id][i]);
            stories.Advance(1);
        }
        stories.Complete();
        json.WriteUnrelated(Unrelated());
        json.Finish(outcome.Skipped);
    }

    /// <summary>The ids of the articles in no story, sorted.</summary>
    public IEnumerable<string> Unrelated()
    {
        var inStory = new bool[outcome.Articles.Count];
        foreach (var s in outcome.Shapes) foreach (var m in s.Members) inStory[m] = true;
        for (int i = 0; i < inStory.Length; i++)
        {
            if (!inStory[i]) yield return outcome.Articles[i].Id;
        }
    }

    /// <summary>Positions of the <paramref name="count"/> largest stories (most members, then first in order), in story order.</summary>
    public List<int> Largest(int count) => Enumerable.Range(0, outcome.Shapes.Count)
        .OrderByDescending(n => outcome.Shapes[n].Members.Count)
        .ThenBy(n => n)
        .Take(count)
        .Order()
        .ToList();
}
