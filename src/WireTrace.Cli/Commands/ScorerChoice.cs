using WireTrace.Core.Analysis;
using WireTrace.Encoder;
using WireTrace.Encoder.Models;
using WireTrace.Encoder.Similarity;

namespace WireTrace.Cli.Commands;

/// <summary>Turns <c>--similarity</c> into a <see cref="SentenceScorer"/>: lexical, or the encoder blend (loads the installed model).</summary>
internal static class ScorerChoice
{
    /// <summary>The scorer named <paramref name="name"/>, or null after a message when the blend's model is not installed.</summary>
    public static SentenceScorer? Resolve(string? name, string command, TextWriter error)
    {
        if (name is null or "lexical") return SentenceScorer.Lexical;
        try
        {
            return EncoderSentenceSimilarity.Scorer(UniversalSentenceEncoder.LoadInstalled());
        }
        catch (ModelInstallException e)
        {
            error.WriteLine($"wiretrace {command}: --similarity blend needs the sentence encoder model: {e.Message}");
            return null;
        }
    }
}
