using System.Globalization;
using WireTrace.Encoder;
using WireTrace.Encoder.Models;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Experiments;
using WireTrace.Evaluation.Suites;

// dotnet run --project tools/tfkld-experiment -c Release -- [--form stem|norm] [--rank K] [--smoothing A] [--min-pairs N]
//     [--pooled-prior] [--binary] [--news] [--bilinear-rank D] [--data DIR]
// Prints, per variant, accuracy / F1 at 0.5: 5-fold cross-validated on MRPC train (folds of `wiretrace models train-combiner`) and on MRPC dev.
const string Usage = """
    usage: tfkld-experiment [options]
      --form stem|norm      terms of the unigram/bigram features (default stem)
      --rank K              latent dimensions of the truncated SVD (default 100)
      --smoothing A         additive smoothing of the KLD rates (default 1)
      --min-pairs N         least labelled pairs a feature needs to get a weight (default 2)
      --pooled-prior        smooth towards the feature's pooled hit rate instead of 1/2
      --binary              feature presence instead of counts
      --news                add the BBC article sentences (unlabelled) to the SVD
      --bilinear-rank D     PCA rank of the USE-lite vectors for the bilinear head (default 32)
      --data DIR            research data folder (default: WIRETRACE_DATA, else the nearest shared/data)
    """;
var options = new TfKldExperimentOptions();
var space = options.Space;
string? data = null;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--form": space = space with { Form = Enum.Parse<TermForm>(Value(), ignoreCase: true) }; break;
            case "--rank": space = space with { Rank = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
            case "--smoothing": space = space with { Smoothing = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
            case "--min-pairs": space = space with { MinPairs = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
            case "--pooled-prior": space = space with { PooledPrior = true }; break;
            case "--binary": space = space with { Binary = true }; break;
            case "--news": options = options with { News = true }; break;
            case "--bilinear-rank": options = options with { BilinearRank = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
            case "--data": data = Value(); break;
            case "--help" or "-h": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"tfkld-experiment: {e.Message}\n{Usage}");
    return 2;
}
options = options with { Space = space };
IReadOnlyList<TfKldVariant> variants;
try
{
    var root = EvalDataRoot.Resolve(data, Environment.CurrentDirectory);
    var encoder = UniversalSentenceEncoder.LoadInstalled();
    variants = TfKldExperiment.Run(root, encoder, options, Console.WriteLine);
}
catch (Exception e) when (e is ModelInstallException or DatasetNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"tfkld-experiment: {e.Message}");
    return 1;
}
Console.WriteLine($"{"variant",-58} {"CV acc / F1",12} {"dev acc / F1",13}");
foreach (var v in variants)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{v.Name,-58} {100 * v.CrossValidation.Accuracy,5:0.0} / {100 * v.CrossValidation.F1:0.0}  {100 * v.Dev.Accuracy,5:0.0} / {100 * v.Dev.F1:0.0}"));
}
return 0;
