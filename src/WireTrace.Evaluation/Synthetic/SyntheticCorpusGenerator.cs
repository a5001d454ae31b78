using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WireTrace.Evaluation.Datasets;

namespace WireTrace.Evaluation.Synthetic;

/// <summary>
/// Builds a corpus of real Reuters-21578 stories with planted derivations and exact gold (see
/// <see cref="SyntheticRelation"/>). Deterministic: the same stories, request and splitter give the same corpus,
/// byte for byte. Sentence lists come from the splitter given (default <see cref="SimpleSentenceSplitter.Split"/>),
/// applied to each unwrapped paragraph of a story.
/// </summary>
public sealed partial class SyntheticCorpusGenerator
{
    private static readonly string[] Outlets =
    [
        "Daily Courier", "Morning Ledger", "Evening Gazette", "The Financial Observer", "Market Watchman",
        "City Herald", "Trade Journal Online", "Commodity News Digest", "Business Chronicle", "Wire Roundup",
    ];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["said"] = "stated", ["rose"] = "climbed", ["fell"] = "dropped", ["company"] = "firm", ["expected"] = "forecast",
        ["about"] = "around", ["also"] = "additionally", ["large"] = "big", ["bought"] = "acquired", ["major"] = "leading",
        ["total"] = "overall", ["added"] = "continued", ["early"] = "initial", ["increase"] = "rise",
        ["decline"] = "drop", ["shares"] = "stock", ["agreed"] = "consented", ["reported"] = "posted", ["higher"] = "greater",
    };

    private static readonly HashSet<string> Lowerable = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "There",
        "But", "In", "On", "At", "For", "As", "After", "Before", "Last", "Earlier", "Also", "Some", "Most", "Analysts", "Officials",
        "Traders", "Dealers", "Sales", "Net", "Shares", "Prices", "Exports", "Imports", "Under", "With", "However", "Meanwhile",
    };

    /// <summary>Words that can open the second half of a split sentence (a subject), besides capitalised words.</summary>
    private static readonly HashSet<string> SubjectStarts = new(StringComparer.Ordinal)
    {
        "the", "it", "he", "she", "they", "we", "this", "that", "these", "those", "its", "his", "her", "their", "a", "an", "there",
        "some", "most", "analysts", "officials", "traders", "dealers", "sales", "prices", "shares", "net",
    };

    private readonly Func<string, IReadOnlyList<string>> _splitter;

    /// <summary>Creates a generator; <paramref name="sentenceSplitter"/> splits one paragraph into sentences.</summary>
    public SyntheticCorpusGenerator(Func<string, IReadOnlyList<string>>? sentenceSplitter = null)
    {
        _splitter = sentenceSplitter ?? SimpleSentenceSplitter.Split;
    }

    /// <summary>
    /// Generates the corpus. <paramref name="stories"/> is the pool of real stories (e.g. all of
    /// <see cref="Reuters21578Dataset.ReadStories"/>); it is sorted by NEWID first, so its order does not matter.
    /// Throws <see cref="InvalidOperationException"/> when the pool has too few usable stories for the request.
    /// </summary>
    public GoldCorpus Generate(IEnumerable<ReutersStory> stories, SyntheticCorpusRequest request)
    {
        if (request.Chains > 0 && request.Excerpts == 0) throw new ArgumentException("chains copy excerpts: request at least one excerpt", nameof(request));
        if (request.Sources <= 0 && request.Counts.Any(c => c.Relation is not (SyntheticRelation.Source or SyntheticRelation.UnrelatedDistractor) && c.Count > 0))
        {
            throw new ArgumentException("derivations need at least one source", nameof(request));
        }
        var rng = new SeededRandom(request.Seed);
        var run = new Run(rng, request, Prepare(stories.OrderBy(s => s.NewId), request.MinSentences));
        return run.Build();
    }

    /// <summary>Writes the corpus as JSONL (<c>id</c>, <c>text</c>, <c>published</c> per line) and the gold as indented JSON.</summary>
    public static void Write(GoldCorpus corpus, string corpusJsonlPath, string goldJsonPath) => GoldCorpusWriter.Write(corpus, corpusJsonlPath, goldJsonPath);

    // ----- story preparation -----

    internal sealed record Prepared(ReutersStory Story, List<List<string>> Paragraphs, string Text, HashSet<string> Words, string DedupKey)
    {
        public int SentenceCount => Paragraphs.Sum(p => p.Count);
        public IEnumerable<string> Sentences => Paragraphs.SelectMany(p => p);
    }

    private List<Prepared> Prepare(IEnumerable<ReutersStory> stories, int minSentences)
    {
        var result = new List<Prepared>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            if (TableLine().IsMatch(story.Body) || story.Body.Contains('\t')) continue;
            var paragraphs = new List<List<string>>();
            foreach (var paragraph in story.Paragraphs)
            {
                var sentences = _splitter(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
                if (sentences.Count > 0) paragraphs.Add(sentences);
            }
            var all = paragraphs.SelectMany(p => p).ToList();
            if (all.Count < Math.Max(1, minSentences)) continue;
            if (all.Any(s => s.Split(' ').Length < 3 || s.Length > 400 || s.Contains('\n'))) continue;
            var letters = all.SelectMany(s => s).Where(char.IsLetter).ToList();
            if (letters.Count(char.IsUpper) > letters.Count / 4) continue; // shouting or tables
            var text = string.Join(" ", all);
            var key = string.Join(" ", WordPattern().Matches(text).Take(30).Select(m => m.Value.ToLowerInvariant()));
            if (!seen.Add(key)) continue; // Reuters holds real duplicates: keep the first
            var words = WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            result.Add(new Prepared(story, paragraphs, text, words, key));
        }
        return result;
    }

    // ----- drafts -----

    /// <summary>A sentence under construction and the parent sentence indexes it came from ([-1] = added).</summary>
    internal sealed class DraftSentence(string text, int[] from)
    {
        public string Text { get; set; } = text;
        public int[] From { get; } = from;
    }

    internal sealed class Noise
    {
        public string? Prefix;
        public double GlueChance;
        public bool CurlyQuotes;
        public double ExtraBlankLineChance;
    }

    internal sealed class Pending
    {
        public required string Key;
        public required SyntheticRelation Relation;
        public int? StoryId;
        public required int ReutersNewId;
        public Pending? Parent;
        public required DateOnly Published;
        public required List<List<DraftSentence>> Paragraphs;
        public Noise? Noise;
        public List<(FactChangeKind Kind, string Old, string New, int Source, DraftSentence Derived)> Facts = [];
        public List<int> Padding = [];
        // filled by rendering
        public string Text = "";
        public List<GoldSentence> Sentences = [];
        public string Id = "";
    }

    private sealed class Run(SeededRandom rng, SyntheticCorpusRequest request, List<Prepared> pool)
    {
        private readonly HashSet<int> _used = [];
        private readonly List<Pending> _docs = [];
        private readonly List<(Prepared Story, Pending Doc)> _sources = [];
        private readonly List<Pending> _excerpts = [];
        private readonly Dictionary<FactChangeKind, int> _factUse = Enum.GetValues<FactChangeKind>().ToDictionary(k => k, _ => 0);
        private List<string>? _names;
        private HashSet<string>? _lowercaseWords;

        /// <summary>Words the pool uses in lower case (so a sentence-initial "Many" may become "many" after a merge).</summary>
        private HashSet<string> LowercaseWords => _lowercaseWords ??= pool
            .SelectMany(p => LowerWord().Matches(p.Text).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        private int _counter;

        public GoldCorpus Build()
        {
            PickSources();
            Derive(request.Duplicates, SyntheticRelation.Duplicate, (s, d) => Copy(d, NoisyCopy()));
            Derive(request.NearDuplicates, SyntheticRelation.NearDuplicate, (s, d) => NearDuplicate(d));
            Derive(request.Excerpts, SyntheticRelation.Excerpt, (s, d) => Excerpt(d));
            Derive(request.MovedParagraphs, SyntheticRelation.MovedParagraphs, (s, d) => MoveParagraph(d));
            Derive(request.SentenceMerges, SyntheticRelation.SentenceMerge, (s, d) => Merge(d));
            Derive(request.SentenceSplits, SyntheticRelation.SentenceSplit, (s, d) => SplitSentences(d));
            Derive(request.Partials, SyntheticRelation.Partial, (s, d) => Partial(d));
            Derive(request.FactChanges, SyntheticRelation.FactChange, (s, d) => FactChange(s, d));
            for (var i = 0; i < request.Chains; i++)
            {
                var parent = _excerpts[i % _excerpts.Count];
                var doc = Copy(parent, NoisyCopy());
                Add(doc, SyntheticRelation.ChainCopy, parent);
            }
            AddDistractors();

            foreach (var doc in _docs) Render(doc);
            var order = Enumerable.Range(0, _docs.Count).ToList();
            rng.Shuffle(order);
            for (var i = 0; i < order.Count; i++) _docs[order[i]].Id = $"doc-{i + 1:0000}";
            var documents = _docs.OrderBy(d => d.Id, StringComparer.Ordinal).Select(ToGold).ToList();
            return new GoldCorpus(request.Seed, request, documents);
        }

        // ----- sources and distractors -----

        private void PickSources()
        {
            var candidates = pool.ToList();
            rng.Shuffle(candidates);
            foreach (var story in candidates)
            {
                if (_sources.Count == request.Sources) break;
                if (!IsRichSource(story) || _sources.Any(s => Jaccard(s.Story, story) > 0.3)) continue;
                var doc = new Pending
                {
                    Key = Key(), Relation = SyntheticRelation.Source, StoryId = story.Story.NewId, ReutersNewId = story.Story.NewId,
                    Published = DateOnly.FromDateTime(story.Story.Date ?? new DateTime(1987, 1, 1)),
                    Paragraphs = Numbered(story.Paragraphs),
                };
                _used.Add(story.Story.NewId);
                _sources.Add((story, doc));
                _docs.Add(doc);
            }
            if (_sources.Count < request.Sources)
            {
                throw new InvalidOperationException($"only {_sources.Count} of {request.Sources} source stories qualify (at least {request.MinSentences} sentences, 3 paragraphs, mergeable, splittable and with facts)");
            }
        }

        private bool IsRichSource(Prepared p) =>
            p.Paragraphs.Count >= 3
            && (request.SameTopicDistractors == 0 || p.Story.Topics.Count > 0)
            && MergeCandidates(Numbered(p.Paragraphs)).Count > 0
            && p.Sentences.Any(s => SplitPoint(s) != null)
            && p.Sentences.Count(s => FactPlanter.Find(s).Count > 0) >= 2;

        private void AddDistractors()
        {
            var sourceTopics = _sources.SelectMany(s => s.Story.Story.Topics).ToHashSet(StringComparer.Ordinal);
            var unrelated = pool.Where(p => !_used.Contains(p.Story.NewId) && !p.Story.Topics.Any(sourceTopics.Contains)).ToList();
            rng.Shuffle(unrelated);
            var added = 0;
            foreach (var story in unrelated)
            {
                if (added == request.UnrelatedDistractors) break;
                if (_used.Contains(story.Story.NewId) || _sources.Any(s => Jaccard(s.Story, story) > 0.3)) continue;
                AddStandalone(story, SyntheticRelation.UnrelatedDistractor);
                added++;
            }
            if (added < request.UnrelatedDistractors) throw new InvalidOperationException($"only {added} unrelated distractor stories available");

            for (var i = 0; i < request.SameTopicDistractors; i++)
            {
                var source = _sources[i % _sources.Count].Story;
                var sameTopic = pool.Where(p => !_used.Contains(p.Story.NewId) && p.Story.Topics.Any(source.Story.Topics.Contains)
                                                && Jaccard(p, source) < 0.3).ToList();
                if (sameTopic.Count == 0) sameTopic = pool.Where(p => !_used.Contains(p.Story.NewId) && p.Story.Topics.Any(sourceTopics.Contains)
                                                                      && _sources.All(s => Jaccard(p, s.Story) < 0.3)).ToList();
                if (sameTopic.Count == 0) throw new InvalidOperationException("no same-topic distractor story left");
                AddStandalone(rng.Pick(sameTopic), SyntheticRelation.SameTopicDistractor);
            }
        }

        private void AddStandalone(Prepared story, SyntheticRelation relation)
        {
            _used.Add(story.Story.NewId);
            _docs.Add(new Pending
            {
                Key = Key(), Relation = relation, StoryId = null, ReutersNewId = story.Story.NewId,
                Published = DateOnly.FromDateTime(story.Story.Date ?? new DateTime(1987, 1, 1)),
                Paragraphs = story.Paragraphs.Select(p => p.Select(s => new DraftSentence(s, [])).ToList()).ToList(),
            });
        }

        private static double Jaccard(Prepared a, Prepared b)
        {
            var inter = a.Words.Count(b.Words.Contains);
            var union = a.Words.Count + b.Words.Count - inter;
            return union == 0 ? 0 : (double)inter / union;
        }

        // ----- derivations -----

        private void Derive(int count, SyntheticRelation relation, Func<Prepared, Pending, Pending> make)
        {
            for (var i = 0; i < count; i++)
            {
                var (story, source) = _sources[rng.Next(_sources.Count)];
                Add(make(story, source), relation, source);
            }
        }

        private void Add(Pending doc, SyntheticRelation relation, Pending parent)
        {
            doc.Relation = relation;
            doc.Parent = parent;
            doc.StoryId = parent.StoryId;
            doc.ReutersNewId = parent.ReutersNewId;
            doc.Published = parent.Published.AddDays(rng.Between(0, 2));
            _docs.Add(doc);
            if (relation == SyntheticRelation.Excerpt) _excerpts.Add(doc);
        }

        private Pending NewDerived(Pending parent, List<List<DraftSentence>> paragraphs, Noise? noise = null) => new()
        {
            Key = Key(), Relation = SyntheticRelation.Duplicate, ReutersNewId = parent.ReutersNewId,
            Published = parent.Published, Paragraphs = paragraphs, Noise = noise,
        };

        /// <summary>The parent's sentences, numbered in the parent's own sentence order.</summary>
        private static List<List<DraftSentence>> FromParent(Pending parent)
        {
            var index = 0;
            return parent.Paragraphs.Select(p => p.Select(s => new DraftSentence(s.Text, [index++])).ToList()).ToList();
        }

        private static List<List<DraftSentence>> Numbered(List<List<string>> paragraphs)
        {
            var index = 0;
            return paragraphs.Select(p => p.Select(s => new DraftSentence(s, [index++])).ToList()).ToList();
        }

        private Noise NoisyCopy() => new()
        {
            Prefix = rng.Pick(Outlets) + " - ",
            GlueChance = 0.35,
            CurlyQuotes = true,
            ExtraBlankLineChance = 0.4,
        };

        private Pending Copy(Pending parent, Noise? noise) => NewDerived(parent, FromParent(parent), noise);

        private Pending NearDuplicate(Pending parent)
        {
            var paragraphs = FromParent(parent);
            var sentences = paragraphs.SelectMany(p => p).ToList();
            var order = Enumerable.Range(0, sentences.Count).ToList();
            rng.Shuffle(order);
            var wanted = rng.Between(2, 4);
            var edited = 0;
            foreach (var i in order)
            {
                if (edited == wanted) break;
                var changed = EditWord(sentences[i].Text);
                if (changed == null) continue;
                sentences[i].Text = changed;
                edited++;
            }
            if (edited == 0) sentences[0].Text = "Meanwhile, " + LowerFirst(sentences[0].Text, force: true);
            return NewDerived(parent, paragraphs);
        }

        private string? EditWord(string sentence)
        {
            var words = sentence.Split(' ');
            var synonymAt = Enumerable.Range(1, Math.Max(0, words.Length - 1)).Where(i => Synonyms.ContainsKey(words[i])).ToList();
            if (synonymAt.Count > 0)
            {
                var i = rng.Pick(synonymAt);
                words[i] = Synonyms[words[i]];
                return string.Join(' ', words);
            }
            var theAt = Enumerable.Range(1, Math.Max(0, words.Length - 2)).Where(i => words[i] == "the").ToList();
            if (theAt.Count > 0)
            {
                var i = rng.Pick(theAt);
                return string.Join(' ', words.Where((_, k) => k != i));
            }
            var verbAt = Enumerable.Range(1, Math.Max(0, words.Length - 1)).Where(i => PastVerb().IsMatch(words[i])).ToList();
            if (verbAt.Count > 0)
            {
                var i = rng.Pick(verbAt);
                words[i] = "also " + words[i];
                return string.Join(' ', words);
            }
            return null;
        }

        private Pending Excerpt(Pending parent)
        {
            var paragraphs = FromParent(parent);
            var total = paragraphs.Sum(p => p.Count);
            var k = rng.Between(Math.Max(2, (int)(total * 0.3)), Math.Max(2, (int)(total * 0.7)));
            var start = rng.Chance(0.6) || total - k < 1 ? 0 : rng.Between(1, total - k);
            return NewDerived(parent, paragraphs.Select(p => p.Where(s => s.From[0] >= start && s.From[0] < start + k).ToList()).Where(p => p.Count > 0).ToList());
        }

        private Pending MoveParagraph(Pending parent)
        {
            var paragraphs = FromParent(parent);
            var from = rng.Between(1, paragraphs.Count - 1);
            int to;
            do to = rng.Between(1, paragraphs.Count - 1); while (to == from);
            var moved = paragraphs[from];
            paragraphs.RemoveAt(from);
            paragraphs.Insert(to, moved);
            return NewDerived(parent, paragraphs);
        }

        private static List<(int Paragraph, int Position)> MergeCandidates(List<List<DraftSentence>> paragraphs)
        {
            var result = new List<(int, int)>();
            for (var p = 0; p < paragraphs.Count; p++)
            {
                for (var i = 0; i < paragraphs[p].Count; i++)
                {
                    var next = i + 1 < paragraphs[p].Count ? paragraphs[p][i + 1] : p + 1 < paragraphs.Count ? paragraphs[p + 1][0] : null;
                    if (next != null && MergeableEnd().IsMatch(paragraphs[p][i].Text) && !next.Text.StartsWith('"')) result.Add((p, i));
                }
            }
            return result;
        }

        private Pending Merge(Pending parent)
        {
            var paragraphs = FromParent(parent);
            var candidates = MergeCandidates(paragraphs);
            var merges = Math.Min(candidates.Count, rng.Between(1, 2));
            rng.Shuffle(candidates);
            var chosen = new List<DraftSentence>();
            foreach (var (p, i) in candidates)
            {
                if (chosen.Count == merges) break;
                var first = paragraphs[p][i];
                if (chosen.Any(c => c.From.Contains(first.From[0]) || c.From.Contains(first.From[0] + 1))) continue;
                chosen.Add(new DraftSentence("", [first.From[0], first.From[0] + 1]));
            }
            foreach (var merged in chosen)
            {
                var firstIndex = merged.From[0];
                var (p, i) = Locate(paragraphs, firstIndex);
                var (q, j) = Locate(paragraphs, firstIndex + 1);
                var a = paragraphs[p][i].Text;
                var b = paragraphs[q][j].Text;
                var joiner = rng.Chance(0.5) ? ", and " : "; ";
                merged.Text = a[..^1] + joiner + LowerFirst(b, force: false, LowercaseWords);
                paragraphs[p][i] = merged;
                paragraphs[q].RemoveAt(j);
            }
            return NewDerived(parent, paragraphs.Where(x => x.Count > 0).ToList());
        }

        private static (int Paragraph, int Position) Locate(List<List<DraftSentence>> paragraphs, int from)
        {
            for (var p = 0; p < paragraphs.Count; p++)
            {
                for (var i = 0; i < paragraphs[p].Count; i++)
                {
                    if (paragraphs[p][i].From.Length == 1 && paragraphs[p][i].From[0] == from) return (p, i);
                }
            }
            throw new InvalidOperationException($"sentence {from} not found");
        }

        private Pending SplitSentences(Pending parent)
        {
            var paragraphs = FromParent(parent);
            var candidates = paragraphs.SelectMany(p => p).Where(s => SplitPoint(s.Text) != null).ToList();
            rng.Shuffle(candidates);
            foreach (var sentence in candidates.Take(rng.Between(1, 2)))
            {
                var (left, right) = SplitPoint(sentence.Text)!.Value;
                var (p, i) = Locate(paragraphs, sentence.From[0]);
                paragraphs[p][i] = new DraftSentence(left, [sentence.From[0]]);
                paragraphs[p].Insert(i + 1, new DraftSentence(right, [sentence.From[0]]));
            }
            return NewDerived(parent, paragraphs);
        }

        private Pending Partial(Pending parent)
        {
            var sentences = FromParent(parent).SelectMany(p => p).ToList();
            var runLength = rng.Between(2, Math.Min(4, sentences.Count - 1));
            var start = rng.Between(0, sentences.Count - runLength);
            var reused = sentences.Skip(start).Take(runLength).ToList();
            var padding = new List<List<DraftSentence>>();
            var doc = NewDerived(parent, []);
            var pads = rng.Between(1, 2);
            for (var k = 0; k < pads; k++)
            {
                var filler = RandomUnused(p => _sources.All(s => Jaccard(p, s.Story) < 0.3));
                if (filler == null) break;
                _used.Add(filler.Story.NewId);
                doc.Padding.Add(filler.Story.NewId);
                padding.Add(filler.Sentences.Take(rng.Between(2, 3)).Select(s => new DraftSentence(s, [-1])).ToList());
            }
            if (padding.Count == 0) throw new InvalidOperationException("no unused story left for padding");
            // reused run in its own paragraph(s), padding before and/or after
            var reusedParagraphs = reused.Select(s => new List<DraftSentence> { s }).ToList();
            if (padding.Count == 1)
            {
                if (rng.Chance(0.5)) doc.Paragraphs.AddRange([padding[0], .. reusedParagraphs]);
                else doc.Paragraphs.AddRange([.. reusedParagraphs, padding[0]]);
            }
            else doc.Paragraphs.AddRange([padding[0], .. reusedParagraphs, padding[1]]);
            return doc;
        }

        /// <summary>A random unused story satisfying <paramref name="accept"/> (up to 2,000 random probes, then a scan).</summary>
        private Prepared? RandomUnused(Func<Prepared, bool> accept)
        {
            for (var attempt = 0; attempt < 2000; attempt++)
            {
                var p = pool[rng.Next(pool.Count)];
                if (!_used.Contains(p.Story.NewId) && accept(p)) return p;
            }
            return pool.FirstOrDefault(p => !_used.Contains(p.Story.NewId) && accept(p));
        }

        private Pending FactChange(Prepared story, Pending parent)
        {
            var paragraphs = FromParent(parent);
            var sentences = paragraphs.SelectMany(p => p).ToList();
            var order = Enumerable.Range(0, sentences.Count).ToList();
            rng.Shuffle(order);
            var doc = NewDerived(parent, paragraphs);
            var wanted = rng.Between(1, Math.Max(1, request.MaxFactChangesPerDocument));
            foreach (var i in order)
            {
                if (doc.Facts.Count == wanted) break;
                var sentence = sentences[i];
                var sites = FactPlanter.Find(sentence.Text);
                if (sites.Count == 0) continue;
                // prefer the kind used least so far, so every kind gets planted
                foreach (var kind in sites.Select(s => s.Kind).Distinct().OrderBy(k => _factUse[k]).ThenBy(k => k))
                {
                    var kindSites = sites.Where(s => s.Kind == kind).ToList();
                    var site = rng.Pick(kindSites);
                    var planted = FactPlanter.Plant(sentence.Text, site, rng, Names, story.Text);
                    if (planted == null) continue;
                    sentence.Text = planted.Value.Sentence;
                    doc.Facts.Add((kind, site.OldValue, planted.Value.NewValue, sentence.From[0], sentence));
                    _factUse[kind]++;
                    break;
                }
            }
            if (doc.Facts.Count == 0) throw new InvalidOperationException($"no fact could be planted in story {story.Story.NewId}");
            return doc;
        }

        private List<string> Names => _names ??= pool.SelectMany(p => FactPlanter.Names(p.Text)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        private string Key() => $"k{_counter++}";

        // ----- rendering -----

        private void Render(Pending doc)
        {
            var sb = new StringBuilder();
            var noise = doc.Noise;
            var openDouble = false;
            var index = 0;
            for (var p = 0; p < doc.Paragraphs.Count; p++)
            {
                if (p > 0) sb.Append(noise != null && rng.Chance(noise.ExtraBlankLineChance) ? "\n\n\n" : "\n\n");
                var paragraph = doc.Paragraphs[p];
                for (var i = 0; i < paragraph.Count; i++)
                {
                    var text = paragraph[i].Text;
                    if (noise != null)
                    {
                        if (index == 0 && noise.Prefix != null) text = noise.Prefix + text;
                        if (noise.CurlyQuotes) text = Curl(text, ref openDouble);
                        if (i > 0 && text.Length > 0 && char.IsUpper(text[0]) && sb.Length > 0 && sb[^1] == '.' && rng.Chance(noise.GlueChance)) { }
                        else if (i > 0) sb.Append(' ');
                    }
                    else if (i > 0) sb.Append(' ');
                    doc.Sentences.Add(new GoldSentence(index, sb.Length, text.Length, p, doc.Parent == null ? [] : paragraph[i].From));
                    sb.Append(text);
                    index++;
                }
            }
            doc.Text = sb.ToString();
        }

        private static string Curl(string text, ref bool openDouble)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '"')
                {
                    chars[i] = openDouble ? '”' : '“';
                    openDouble = !openDouble;
                }
                else if (chars[i] == '\'') chars[i] = '’';
            }
            return new string(chars);
        }

        private GoldDocument ToGold(Pending doc)
        {
            var dropped = new List<int>();
            var facts = new List<PlantedFactChange>();
            if (doc.Parent != null)
            {
                var used = doc.Sentences.SelectMany(s => s.SourceSentences).ToHashSet();
                dropped = Enumerable.Range(0, doc.Parent.Sentences.Count).Where(i => !used.Contains(i)).ToList();
                var flat = doc.Paragraphs.SelectMany(p => p).ToList();
                facts = doc.Facts.Select(f => new PlantedFactChange(f.Kind, f.Old, f.New, f.Source, flat.IndexOf(f.Derived))).ToList();
            }
            return new GoldDocument(doc.Id, doc.Text, doc.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), doc.StoryId,
                doc.ReutersNewId, doc.Parent?.Id, doc.Relation, doc.Sentences, dropped, facts, doc.Padding);
        }
    }

    // ----- text helpers -----

    private static string LowerFirst(string sentence, bool force, HashSet<string>? lowercaseWords = null)
    {
        var space = sentence.IndexOf(' ');
        var first = space < 0 ? sentence : sentence[..space];
        var common = lowercaseWords != null && first.Length > 1 && char.IsUpper(first[0]) && first.Skip(1).All(char.IsLower)
                     && lowercaseWords.Contains(first.ToLowerInvariant());
        return force || common || Lowerable.Contains(first) ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;
    }

    /// <summary>Where a sentence can be split in two at a conjunction or semicolon, and the two halves.</summary>
    internal static (string Left, string Right)? SplitPoint(string sentence)
    {
        foreach (var (marker, keep) in new[] { (", and ", ""), (", but ", "But "), ("; ", ""), (", while ", "") })
        {
            var at = sentence.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var left = sentence[..at];
            var rest = sentence[(at + marker.Length)..];
            if (left.Split(' ').Length < 5 || rest.Split(' ').Length < 4 || left.Count(c => c == '"') % 2 == 1) continue;
            var firstWord = rest[..rest.IndexOf(' ')];
            if (!SubjectStarts.Contains(firstWord) && !(char.IsUpper(firstWord[0]) && firstWord.Skip(1).All(char.IsLower))) continue; // the second half needs a subject
            var right = keep.Length > 0 ? keep + rest : char.ToUpperInvariant(rest[0]) + rest[1..];
            return (left + ".", right);
        }
        return null;
    }

    [GeneratedRegex(@"\S {3,}\S|\.{4,}")]
    private static partial Regex TableLine();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<![\w'])[a-z]+(?![\w'])")]
    private static partial Regex LowerWord();

    [GeneratedRegex(@"[a-z0-9]{3,}\.$")]
    private static partial Regex MergeableEnd();

    [GeneratedRegex(@"^[a-z]{3,}ed$")]
    private static partial Regex PastVerb();
}
