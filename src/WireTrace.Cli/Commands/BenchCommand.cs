using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Retrieval;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Synthetic;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace bench [--docs N] [--corpus FILE] [--seed S] [--json FILE]</c>: measures the retrieval layer on a
/// realistic corpus (Reuters-21578 text recombined to N documents with planted copies, excerpts and partial
/// rewrites, see <see cref="BenchCorpus"/>) or on a JSONL corpus: throughput per stage, memory, index bytes per
/// article, candidate recall on the planted pairs by kind, candidates per article and query latency; it can write
/// the corpus, its planted pairs and its query sample for another tool (<c>--write-corpus</c>, read back with
/// <c>--corpus FILE --pairs FILE.pairs.jsonl</c>; see <c>scripts/bench-datasketch.py</c>).
/// </summary>
internal static class BenchCommand
{
    private const int Chunk = 2048;

    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var docs = new Option<int>("--docs") { Description = "Documents to generate from Reuters-21578 text.", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var corpus = new Option<FileInfo?>("--corpus")
        {
            Description = "Read the corpus from a JSONL file instead: one {\"id\", \"text\"} per line; a line with \"source\" (an id) and optional \"kind\" is a planted pair.",
            HelpName = "FILE",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated corpus and of the query sample.", DefaultValueFactory = _ => 1UL, HelpName = "S" };
        var rate = new Option<double>("--rate") { Description = "Share of generated documents planted as copies, excerpts or partial rewrites.", DefaultValueFactory = _ => 0.1 };
        var queries = new Option<int>("--queries") { Description = "Articles in the latency and candidates-per-article sample.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Threads to use (default: all cores). Results do not depend on it; speed does.", DefaultValueFactory = _ => -1 };
        var anchorsPerSentence = new Option<int>("--anchors-per-sentence")
        {
            Description = "Passage anchors per sentence (fewer: a smaller index, less recall on lightly edited reuse).",
            DefaultValueFactory = _ => FingerprintOptions.Default.AnchorsPerSentence,
            HelpName = "K",
        };
        var pairs = new Option<FileInfo?>("--pairs")
        {
            Description = "With --corpus: read the planted pairs from this JSONL file too, one {\"source\", \"derived\", \"kind\"} (ids) per line.",
            HelpName = "FILE",
        };
        var writeCorpus = new Option<FileInfo?>("--write-corpus")
        {
            Description = "Write the corpus benchmarked to this JSONL file ({\"id\", \"text\"} per line; planted articles also carry \"source\" and \"kind\": input for `scan` and scripts/scan-quality.py), its planted pairs to FILE.pairs.jsonl ({\"source\", \"derived\", \"kind\"}) and the ids of the query sample to FILE.sample.txt, e.g. for scripts/bench-datasketch.py.",
            HelpName = "FILE",
        };
        var data = new Option<string?>("--data") { Description = "The shared research data folder (default: WIRETRACE_DATA or ../shared/data).", HelpName = "DIR" };
        var json = new Option<FileInfo?>("--json") { Description = "Write the figures as JSON to this file.", HelpName = "FILE" };
                var quiet = CliOptions.Quiet();
        var command = new Command("bench", "Benchmark the candidate retrieval layer (fingerprints, LSH, passage anchors) for speed, memory and recall.")
        {
            docs, corpus, pairs, seed, rate, queries, threads, anchorsPerSentence, writeCorpus, data, json, quiet,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(
            new BenchSettings(parse.GetValue(docs), parse.GetValue(corpus), parse.GetValue(pairs), parse.GetValue(seed), parse.GetValue(rate), parse.GetValue(queries), parse.GetValue(threads), parse.GetValue(data), parse.GetValue(anchorsPerSentence), parse.GetValue(writeCorpus)),
            parse.GetValue(json), parse.GetValue(quiet), console, error, cancel)));
        return command;
    }

    private sealed record BenchSettings(int Docs, FileInfo? Corpus, FileInfo? Pairs, ulong Seed, double Rate, int Queries, int Threads, string? Data, int AnchorsPerSentence, FileInfo? WriteCorpus);

    /// <summary>The corpus as the benchmark sees it: texts by index, their ids, and gold pairs (kind names).</summary>
    private sealed record BenchInput(string Name, int Count, Func<int, string> Text, Func<int, string> Id, IReadOnlyList<(int Source, int Derived, string Kind)> Gold);

    private static int Run(BenchSettings settings, FileInfo? json, bool quiet, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        BenchInput input;
        var clock = Stopwatch.StartNew();
        try
        {
            (FingerprintOptions.Default with { AnchorsPerSentence = settings.AnchorsPerSentence }).Validate();
            if (settings.Pairs != null && settings.Corpus == null) throw new ArgumentException("--pairs goes with --corpus");
            input = settings.Corpus != null ? ReadJsonl(settings.Corpus, settings.Pairs) : Generate(settings);
            if (settings.WriteCorpus != null) WriteCorpus(input, settings.WriteCorpus, QuerySample(input.Count, settings.Queries, settings.Seed), settings.Threads);
        }
        catch (Exception e) when (e is DatasetNotFoundException or IOException or JsonException or ArgumentException or InvalidDataException)
        {
            error.WriteLine($"wiretrace: {e.Message}");
            return 2;
        }
        double prepareSeconds = clock.Elapsed.TotalSeconds;
        bool interactive = !quiet && console.Profile.Capabilities.Interactive;
        BenchReport? report = null;
        if (interactive)
        {
            console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("indexing", maxValue: input.Count);
                    report = Measure(input, settings, (stage, done, total, rate) =>
                    {
                        task.Description = $"{stage} {rate:N0}/s";
                        task.MaxValue = Math.Max(1, total);
                        task.Value = done;
                    }, cancel);
                });
        }
        else
        {
            report = Measure(input, settings, null, cancel);
        }
        report = report! with { PrepareSeconds = prepareSeconds };

        if (json != null)
        {
            json.Directory?.Create();
            using var stream = json.Create();
            JsonSerializer.Serialize(stream, report, JsonOptions);
        }
        if (!quiet) Print(console, report, json);
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static BenchInput Generate(BenchSettings settings)
    {
        if (settings.Docs < 20) throw new ArgumentException("--docs must be at least 20");
        var root = SharedDataRoot.Locate(settings.Data);
        var corpus = BenchCorpus.FromReuters(Path.Combine(root, Reuters21578Dataset.FolderName), settings.Docs, settings.Rate, settings.Seed);
        var gold = corpus.Planted.Select(p => (p.Source, p.Derived, KindName(p.Kind))).ToList();
        return new BenchInput($"reuters21578 x {settings.Docs:N0} (seed {settings.Seed}, planted {settings.Rate:P0})", corpus.Count, corpus.Text, BenchCorpus.IdOf, gold);
    }

    private static string KindName(PlantedKind kind) => kind switch
    {
        PlantedKind.Copy => "copy",
        PlantedKind.Excerpt => "excerpt",
        _ => "partial-rewrite",
    };

    /// <summary>The path of the planted pairs written next to a corpus file by --write-corpus.</summary>
    internal static string PairsPath(string corpusPath) => corpusPath + ".pairs.jsonl";

    /// <summary>The path of the query sample's ids written next to a corpus file by --write-corpus.</summary>
    internal static string SamplePath(string corpusPath) => corpusPath + ".sample.txt";

    /// <summary>Writes the corpus (texts generated in parallel, written in order), its planted pairs and the ids of the query sample.</summary>
    private static void WriteCorpus(BenchInput input, FileInfo file, int[] sample, int threads)
    {
        file.Directory?.Create();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads <= 0 ? Environment.ProcessorCount : threads };
        var planted = input.Gold.ToDictionary(g => g.Derived, g => (Source: g.Source, Kind: (string?)g.Kind));
        using (var writer = new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false)))
        {
            var texts = new string[Chunk];
            for (int start = 0; start < input.Count; start += Chunk)
            {
                int n = Math.Min(Chunk, input.Count - start);
                Parallel.For(0, n, parallel, k => texts[k] = input.Text(start + k));
                for (int k = 0; k < n; k++)
                {
                    var plant = planted.GetValueOrDefault(start + k);
                    writer.WriteLine(JsonSerializer.Serialize(new CorpusLine(input.Id(start + k), texts[k], plant.Kind is null ? null : input.Id(plant.Source), plant.Kind), CorpusLineOptions));
                }
            }
        }
        using var pairs = new StreamWriter(PairsPath(file.FullName), false, new System.Text.UTF8Encoding(false));
        foreach (var (source, derived, kind) in input.Gold) pairs.WriteLine(JsonSerializer.Serialize(new PairLine(input.Id(source), input.Id(derived), kind)));
        File.WriteAllLines(SamplePath(file.FullName), sample.Select(input.Id));
    }

    /// <summary>One corpus line: planted articles also name their source and kind (read back by <c>--corpus</c> and scripts/scan-quality.py).</summary>
    private sealed record CorpusLine(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("source")] string? Source,
        [property: JsonPropertyName("kind")] string? Kind);

    private static readonly JsonSerializerOptions CorpusLineOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record PairLine(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("derived")] string Derived,
        [property: JsonPropertyName("kind")] string Kind);

    private static BenchInput ReadJsonl(FileInfo file, FileInfo? pairsFile)
    {
        var texts = new List<string>();
        var ids = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new List<(int Derived, string Source, string Kind)>();
        foreach (var (line, root) in JsonLines(file))
        {
            if (!root.TryGetProperty("id", out var id) || !root.TryGetProperty("text", out var text))
            {
                throw new InvalidDataException($"{file.FullName}:{line}: a line needs \"id\" and \"text\"");
            }
            var key = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
            if (!index.TryAdd(key, texts.Count)) throw new InvalidDataException($"{file.FullName}:{line}: id '{key}' repeated");
            texts.Add(text.GetString() ?? "");
            ids.Add(key);
            if (root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String)
            {
                var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "planted";
                sources.Add((texts.Count - 1, source.GetString()!, kind));
            }
        }
        if (texts.Count == 0) throw new InvalidDataException($"{file.FullName}: no documents");
        var gold = sources.Where(s => index.ContainsKey(s.Source)).Select(s => (index[s.Source], s.Derived, s.Kind)).ToList();
        if (pairsFile != null) gold = gold.Concat(ReadPairs(pairsFile, index)).Distinct().ToList(); // a corpus we wrote names its pairs both ways
        return new BenchInput(file.Name, texts.Count, i => texts[i], i => ids[i], gold);
    }

    /// <summary>The non-blank lines of a JSONL file with their line numbers; each element is valid until the next is read.</summary>
    private static IEnumerable<(int Line, JsonElement Root)> JsonLines(FileInfo file)
    {
        int line = 0;
        foreach (var raw in File.ReadLines(file.FullName))
        {
            line++;
            if (raw.Trim().Length == 0) continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(raw);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file.FullName}:{line}: not a JSON object ({e.Message})", e);
            }
            using (doc) yield return (line, doc.RootElement);
        }
    }

    /// <summary>Planted pairs from a JSONL file of {"source", "derived", "kind"}, ids resolved against the corpus.</summary>
    private static List<(int Source, int Derived, string Kind)> ReadPairs(FileInfo file, Dictionary<string, int> index)
    {
        var result = new List<(int, int, string)>();
        foreach (var (line, root) in JsonLines(file))
        {
            if (!root.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("derived", out var derived) || derived.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{file.FullName}:{line}: a pair needs string \"source\" and \"derived\" ids");
            }
            foreach (var id in new[] { source.GetString()!, derived.GetString()! })
            {
                if (!index.ContainsKey(id)) throw new InvalidDataException($"{file.FullName}:{line}: id '{id}' is not in the corpus");
            }
            var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "planted";
            result.Add((index[source.GetString()!], index[derived.GetString()!], kind));
        }
        return result;
    }

    private static BenchReport Measure(BenchInput input, BenchSettings settings, Action<string, int, int, double>? progress, CancellationToken cancel)
    {
        int threadsUsed = settings.Threads <= 0 ? Environment.ProcessorCount : settings.Threads;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threadsUsed, CancellationToken = cancel };
        var analyzer = new TextAnalyzer(EnglishStemmer.Default);
        var fingerprinter = new Fingerprinter(FingerprintOptions.Default with { AnchorsPerSentence = settings.AnchorsPerSentence });
        var retriever = new CandidateRetriever(new RetrievalOptions(Bands: fingerprinter.Options.Bands, Rows: fingerprinter.Options.Rows));

        // Keep the fingerprints needed afterwards: the derived side of every planted pair and the query sample.
        var sample = QuerySample(input.Count, settings.Queries, settings.Seed);
        var keep = new HashSet<int>(sample);
        foreach (var g in input.Gold) keep.Add(g.Derived);
        var kept = new Dictionary<int, DocumentFingerprints>();

        var prints = new DocumentFingerprints[Chunk];
        var wordCounts = new int[Chunk];
        // The stages run together in one parallel pass per chunk (so a text model dies young instead of being
        // copied by a collection during a later pass); each stage's time is measured inside the workers, and the
        // pass's wall-clock time is shared out between the stages in proportion (robust to other processes).
        long generateTicks = 0, modelTicks = 0, fingerprintTicks = 0;
        var index = new Stopwatch();
        var pipeline = new Stopwatch();
        var parallelPass = new Stopwatch();
        long words = 0, anchors = 0;
        // CPU time the process received during the parallel passes and during indexing: on a machine shared with
        // other jobs the wall-clock rates say how much CPU we got; these say what the work costs.
        using var self = Process.GetCurrentProcess();
        TimeSpan parallelCpu = TimeSpan.Zero, indexCpu = TimeSpan.Zero;
        TimeSpan Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
        var total = Stopwatch.StartNew();
        for (int start = 0; start < input.Count; start += Chunk)
        {
            int n = Math.Min(Chunk, input.Count - start);
            pipeline.Start();
            var cpu0 = Cpu();
            parallelPass.Start();
            Parallel.For(0, n, parallel, k =>
            {
                long t0 = Stopwatch.GetTimestamp();
                var text = input.Text(start + k);
                long t1 = Stopwatch.GetTimestamp();
                var model = analyzer.Analyze(text);
                long t2 = Stopwatch.GetTimestamp();
                prints[k] = fingerprinter.Compute(model);
                long t3 = Stopwatch.GetTimestamp();
                wordCounts[k] = model.WordCount;
                Interlocked.Add(ref generateTicks, t1 - t0);
                Interlocked.Add(ref modelTicks, t2 - t1);
                Interlocked.Add(ref fingerprintTicks, t3 - t2);
            });
            parallelPass.Stop();
            var cpu1 = Cpu();
            index.Start();
            retriever.AddRange(start, new ArraySegment<DocumentFingerprints>(prints, 0, n), threadsUsed);
            index.Stop();
            parallelCpu += cpu1 - cpu0;
            indexCpu += Cpu() - cpu1;
            pipeline.Stop();
            for (int k = 0; k < n; k++)
            {
                words += wordCounts[k];
                anchors += prints[k].Anchors.Length;
                if (keep.Contains(start + k)) kept[start + k] = prints[k];
                prints[k] = null!;
            }
            double seconds = parallelPass.Elapsed.TotalSeconds * (modelTicks + fingerprintTicks) / Math.Max(1.0, generateTicks + modelTicks + fingerprintTicks) + index.Elapsed.TotalSeconds;
            progress?.Invoke("indexing", start + n, input.Count, (start + n) / Math.Max(seconds, 1e-9));
        }
        var freezeCpu = Cpu();
        index.Start();
        retriever.Freeze(threadsUsed);
        index.Stop();
        indexCpu += Cpu() - freezeCpu;
        total.Stop();
        long managedAfterIndex = GC.GetTotalMemory(forceFullCollection: true);

        // Recall: match each planted document against the whole index (which holds its source).
        var found = new bool[input.Gold.Count];
        progress?.Invoke("recall", 0, input.Gold.Count, 0);
        var recallClock = Stopwatch.StartNew();
        Parallel.For(0, input.Gold.Count, parallel, g =>
        {
            var (source, derived, _) = input.Gold[g];
            found[g] = retriever.Query(kept[derived], derived).Any(m => m.DocId == source);
        });
        recallClock.Stop();
        var recall = input.Gold
            .Select((g, i) => (g.Kind, Found: found[i]))
            .GroupBy(x => x.Kind)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new KindRecall(x.Key, x.Count(), x.Count(y => y.Found), (double)x.Count(y => y.Found) / x.Count()))
            .ToList();

        // Latency and candidates per article: one query at a time, after a warm-up.
        progress?.Invoke("latency", 0, sample.Length, 0);
        foreach (var d in sample.Take(50)) retriever.Query(kept[d], d);
        var latencies = new double[sample.Length];
        long candidates = 0, nearDuplicates = 0, passages = 0;
        var one = new Stopwatch();
        for (int q = 0; q < sample.Length; q++)
        {
            one.Restart();
            var matches = retriever.Query(kept[sample[q]], sample[q]);
            one.Stop();
            latencies[q] = one.Elapsed.TotalMilliseconds;
            candidates += matches.Count;
            nearDuplicates += matches.Count(m => m.NearDuplicate);
            passages += matches.Count(m => m.SharedAnchors > 0);
        }
        Array.Sort(latencies);
        progress?.Invoke("done", input.Count, input.Count, 0);

        double Seconds(long ticks) => parallelPass.Elapsed.TotalSeconds * ticks / Math.Max(1.0, generateTicks + modelTicks + fingerprintTicks);
        double Rate(double seconds) => input.Count / Math.Max(seconds, 1e-9);
        double generateSeconds = Seconds(generateTicks), modelSeconds = Seconds(modelTicks), fingerprintSeconds = Seconds(fingerprintTicks);
        int found1 = found.Count(f => f);
        double fingerprintCpu = parallelCpu.TotalSeconds * fingerprintTicks / Math.Max(1.0, generateTicks + modelTicks + fingerprintTicks);
        var process = self;
        process.Refresh();
        return new BenchReport(
            input.Name,
            input.Count,
            Environment.ProcessorCount,
            threadsUsed,
            (double)words / input.Count,
            (double)anchors / input.Count,
            0,
            new StageRates(
                Rate(generateSeconds),
                Rate(modelSeconds),
                Rate(fingerprintSeconds),
                Rate(index.Elapsed.TotalSeconds),
                Rate(fingerprintSeconds + index.Elapsed.TotalSeconds),
                Rate(modelSeconds + fingerprintSeconds + index.Elapsed.TotalSeconds),
                Rate(pipeline.Elapsed.TotalSeconds)),
            new StageSeconds(generateSeconds, modelSeconds, fingerprintSeconds, index.Elapsed.TotalSeconds, pipeline.Elapsed.TotalSeconds, recallClock.Elapsed.TotalSeconds, total.Elapsed.TotalSeconds),
            new CpuFigures(fingerprintCpu, indexCpu.TotalSeconds, input.Count / Math.Max(fingerprintCpu + indexCpu.TotalSeconds, 1e-9)),
            new MemoryFigures(
                retriever.IndexBytes,
                (double)retriever.IndexBytes / input.Count,
                retriever.Lsh.Bytes,
                retriever.Anchors.Bytes,
                retriever.Lsh.Count,
                retriever.Anchors.Count,
                managedAfterIndex,
                process.PeakWorkingSet64,
                GC.GetGCMemoryInfo().HeapSizeBytes),
            new RecallFigures(input.Gold.Count, found1, input.Gold.Count == 0 ? double.NaN : (double)found1 / input.Gold.Count, recall),
            new QueryFigures(
                sample.Length,
                sample.Length == 0 ? 0 : (double)candidates / sample.Length,
                sample.Length == 0 ? 0 : (double)nearDuplicates / sample.Length,
                sample.Length == 0 ? 0 : (double)passages / sample.Length,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                latencies.Length == 0 ? 0 : latencies[^1]),
            fingerprinter.Options,
            retriever.Options);
    }

    /// <summary>A seeded sample of distinct document indexes, sorted.</summary>
    private static int[] QuerySample(int count, int size, ulong seed)
    {
        size = Math.Min(size, count);
        var random = new SeededRandom(seed ^ 0x51554552UL);
        var chosen = new HashSet<int>();
        while (chosen.Count < size) chosen.Add(random.Next(count));
        return [.. chosen.Order()];
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        int i = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(i, 0, sorted.Length - 1)];
    }

    private static void Print(IAnsiConsole console, BenchReport r, FileInfo? json)
    {
        console.MarkupLine($"[bold]wiretrace bench[/]: {Markup.Escape(r.Corpus)}; {r.Documents:N0} documents, {r.WordsPerDocument:N0} words and {r.AnchorsPerDocument:N1} anchors each; {r.ThreadsUsed} of {r.Cores} cores");
        var table = new Table().AddColumns("figure", "value");
        table.AddRow("text model (tokens, stems)", $"{r.ArticlesPerSecond.TextModel:N0} articles/s");
        table.AddRow("fingerprinting", $"{r.ArticlesPerSecond.Fingerprinting:N0} articles/s");
        table.AddRow("indexing", $"{r.ArticlesPerSecond.Indexing:N0} articles/s");
        table.AddRow("fingerprinting + indexing", $"{r.ArticlesPerSecond.FingerprintingAndIndexing:N0} articles/s");
        table.AddRow("fingerprinting + indexing per CPU-second", $"{r.Cpu.FingerprintingAndIndexingPerCpuSecond:N0} articles (CPU: fingerprint {r.Cpu.FingerprintSeconds:N1} s, index {r.Cpu.IndexSeconds:N1} s)");
        table.AddRow("text model + fingerprinting + indexing", $"{r.ArticlesPerSecond.EndToEnd:N0} articles/s");
        table.AddRow("whole pipeline, wall clock (with generation)", $"{r.ArticlesPerSecond.Pipeline:N0} articles/s");
        table.AddRow("index size", $"{r.Memory.IndexBytes / 1048576.0:N1} MiB = {r.Memory.IndexBytesPerArticle:N0} bytes/article (LSH {r.Memory.LshBytes / 1048576.0:N1} MiB, anchors {r.Memory.AnchorBytes / 1048576.0:N1} MiB)");
        table.AddRow("managed heap after indexing", $"{r.Memory.ManagedBytesAfterIndex / 1048576.0:N0} MiB");
        table.AddRow("peak working set", $"{r.Memory.PeakWorkingSetBytes / 1048576.0:N0} MiB");
        foreach (var k in r.Recall.ByKind) table.AddRow($"recall: {k.Kind}", $"{k.Recall:P2} ({k.Found:N0} of {k.Planted:N0})");
        table.AddRow("recall: all planted pairs", double.IsNaN(r.Recall.Recall) ? "no planted pairs" : $"{r.Recall.Recall:P2} ({r.Recall.Found:N0} of {r.Recall.Planted:N0})");
        table.AddRow("candidates per article", $"{r.Queries.CandidatesPerArticle:N2} (near-duplicate {r.Queries.NearDuplicatePerArticle:N2}, passage {r.Queries.PassagePerArticle:N2})");
        table.AddRow("query latency", $"p50 {r.Queries.P50Milliseconds:N3} ms, p99 {r.Queries.P99Milliseconds:N3} ms, max {r.Queries.MaxMilliseconds:N3} ms ({r.Queries.Sample:N0} queries)");
        table.AddRow("time", $"prepare {r.PrepareSeconds:N1} s, generate {r.Seconds.Generate:N1} s, text model {r.Seconds.TextModel:N1} s, fingerprint {r.Seconds.Fingerprint:N1} s, index {r.Seconds.Index:N1} s, pipeline {r.Seconds.Pipeline:N1} s, recall {r.Seconds.Recall:N1} s");
        console.Write(table);
        if (json != null) console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
    }
}

/// <summary>The figures of one <c>wiretrace bench</c> run (the JSON written by --json).</summary>
internal sealed record BenchReport(
    string Corpus,
    int Documents,
    int Cores,
    int ThreadsUsed,
    double WordsPerDocument,
    double AnchorsPerDocument,
    double PrepareSeconds,
    StageRates ArticlesPerSecond,
    StageSeconds Seconds,
    CpuFigures Cpu,
    MemoryFigures Memory,
    RecallFigures Recall,
    QueryFigures Queries,
    FingerprintOptions Fingerprints,
    RetrievalOptions Retrieval);

/// <summary>Articles per second of each stage on all threads; <see cref="Pipeline"/> is the wall-clock rate of generate + text model + fingerprint + index.</summary>
internal sealed record StageRates(double Generate, double TextModel, double Fingerprinting, double Indexing, double FingerprintingAndIndexing, double EndToEnd, double Pipeline);

/// <summary>Seconds per stage: for the parallel stages, the wall-clock time of the parallel pass shared out in proportion to the time measured inside the workers; wall clock for the others.</summary>
internal sealed record StageSeconds(double Generate, double TextModel, double Fingerprint, double Index, double Pipeline, double Recall, double Total);

/// <summary>
/// CPU seconds the process used for fingerprinting (its share of the parallel passes, in proportion to the time
/// measured inside the workers) and for indexing, and the articles fingerprinted and indexed per CPU-second:
/// what the work costs whatever else the machine runs (an idle machine with c cores gets at most c times that).
/// </summary>
internal sealed record CpuFigures(double FingerprintSeconds, double IndexSeconds, double FingerprintingAndIndexingPerCpuSecond);

internal sealed record MemoryFigures(long IndexBytes, double IndexBytesPerArticle, long LshBytes, long AnchorBytes, int LshPostings, int AnchorPostings, long ManagedBytesAfterIndex, long PeakWorkingSetBytes, long HeapSizeBytes);

internal sealed record KindRecall(string Kind, int Planted, int Found, double Recall);

internal sealed record RecallFigures(int Planted, int Found, double Recall, IReadOnlyList<KindRecall> ByKind);

internal sealed record QueryFigures(int Sample, double CandidatesPerArticle, double NearDuplicatePerArticle, double PassagePerArticle, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);
