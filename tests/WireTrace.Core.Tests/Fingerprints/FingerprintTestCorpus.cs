using WireTrace.Core.Fingerprints;
using WireTrace.Core.Tests.Text;
using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Fingerprints;

/// <summary>Texts to fingerprints, the way the application does it (text model, then fingerprints).</summary>
internal static class FingerprintTestCorpus
{
    private static readonly TextAnalyzer Analyzer = new(new StripSStemmer());

    public static DocumentFingerprints Fingerprint(IEnumerable<string> sentences, Fingerprinter? fingerprinter = null) =>
        (fingerprinter ?? new Fingerprinter()).Compute(Analyzer.Analyze(string.Join(' ', sentences)));
}
