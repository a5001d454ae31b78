using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary>
/// Streams the scan JSON of a large pile from its <see cref="ScanOutcome"/> (compact: no indentation), and tells the
/// largest stories again, with their analysed members, for the console and the HTML report.
/// </summary>
internal sealed class StoryWriter(ScanPipeline pipeline, ScanOutcome outcome, CancellationToken cancel)
{
    /// <summary>Stories <paramref name="numbers"/> (positions in story order) told again, in parallel, with their analysed members by id.</summary>
    public (List<Story> Stories, Dictionary<string, AnalyzedDocument> Documents) Materialize(IReadOnlyList<int> numbers)
    {
        var told = numbers.Select(n => outcome.Stories[n]).ToList();
        var docs = pipeline.LoadAll(outcome.Articles, told.SelectMany(s => s.Shape.Members), cancel);
        var stories = new Story[told.Count];
        Parallel.For(0, told.Count, pipeline.Options(cancel), k =>
            stories[k] = pipeline.Builder.Materialize(told[k].Shape, numbers[k], i => docs[i], (_, _) => null));
        return ([.. stories], docs.Values.ToDictionary(d => d.Id, StringComparer.Ordinal));
    }

    /// <summary>The whole scan contract: every document, every story, the unrelated ids.</summary>
    public void WriteJson(Stream output, ScanProgress progress)
    {
        using var json = new ScanJsonStream(output, pipeline.Analyzer.Similarity.Name, compact: true);
        var documents = progress.Begin("writing documents", outcome.Articles.Count, "articles");
        // Rendered a chunk at a time on all threads (each text read back from the spill and escaped) while the chunk
        // before is written, in order.
        const int Chunk = 1024;
        byte[][] Render(int start)
        {
            var rendered = new byte[Math.Min(Chunk, outcome.Articles.Count - start)][];
            Parallel.For(0, rendered.Length, pipeline.Options(cancel), i =>
            {
                var a = outcome.Articles[start + i];
                var (article, sentences) = a.Read();
                rendered[i] = ContractJsonWriter.DocumentJson(article, sentences, a.Words);
            });
            return rendered;
        }
        var next = Task.Run(() => Render(0), cancel);
        for (int start = 0; start < outcome.Articles.Count; start += Chunk)
        {
            var rendered = next.Result;
            if (start + Chunk < outcome.Articles.Count)
            {
                int following = start + Chunk;
                next = Task.Run(() => Render(following), cancel);
            }
            foreach (var document in rendered) json.WriteDocument(document);
            documents.Advance(rendered.Length);
        }
        documents.Complete();

        json.StartStories();
        var stories = progress.Begin("writing stories", outcome.Stories.Count, "stories");
        foreach (var story in outcome.Stories)
        {
            json.WriteStory(story.Id, story.Source, story.Members, pipeline.DerivationsJson(story));
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
        foreach (var s in outcome.Stories) foreach (var m in s.Shape.Members) inStory[m] = true;
        for (int i = 0; i < inStory.Length; i++)
        {
            if (!inStory[i]) yield return outcome.Articles[i].Id;
        }
    }

    /// <summary>Positions of the <paramref name="count"/> largest stories (most members, then first in order), in story order.</summary>
    public List<int> Largest(int count) => Enumerable.Range(0, outcome.Stories.Count)
        .OrderByDescending(n => outcome.Stories[n].Members.Count)
        .ThenBy(n => n)
        .Take(count)
        .Order()
        .ToList();
}
