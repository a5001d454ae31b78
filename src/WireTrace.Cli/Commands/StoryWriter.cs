using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary>
/// Turns the story shapes of a large scan into <see cref="Story"/>s with their derivation analyses, a block of
/// stories at a time (the block's articles are analysed again in parallel, then dropped), and streams the scan
/// JSON without holding the pile.
/// </summary>
internal sealed class StoryWriter(ScanPipeline pipeline, ScanOutcome outcome, CancellationToken cancel)
{
    /// <summary>Stories materialised per block.</summary>
    private const int Block = 512;

    /// <summary>Stories <paramref name="numbers"/> (positions in the sorted shapes), materialised in parallel, in order, with their analysed members by id.</summary>
    public (List<Story> Stories, Dictionary<string, AnalyzedDocument> Documents) Materialize(IReadOnlyList<int> numbers)
    {
        var shapes = numbers.Select(n => outcome.Shapes[n]).ToList();
        var docs = pipeline.LoadAll(outcome.Articles, shapes.SelectMany(s => s.Members), cancel);
        var stories = new Story[numbers.Count];
        Parallel.For(0, numbers.Count, pipeline.Options(cancel), k =>
            stories[k] = pipeline.Builder.Materialize(shapes[k], numbers[k], i => docs[i], (_, _) => null));
        return ([.. stories], docs.Values.ToDictionary(d => d.Id, StringComparer.Ordinal));
    }

    /// <summary>The whole scan contract: every document, every story (derivations analysed block by block), the unrelated ids.</summary>
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
        var stories = progress.Begin("writing stories", outcome.Shapes.Count, "stories");
        for (int start = 0; start < outcome.Shapes.Count; start += Block)
        {
            var numbers = Enumerable.Range(start, Math.Min(Block, outcome.Shapes.Count - start)).ToList();
            var (block, docs) = Materialize(numbers);
            foreach (var story in block)
            {
                json.WriteStory(story, id => docs[id]);
                stories.Advance(1);
            }
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
