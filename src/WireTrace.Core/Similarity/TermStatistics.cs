namespace WireTrace.Core.Similarity;

/// <summary>
/// Sentence frequencies of terms over the documents of one analysis context (a pair, a pile, an
/// evaluation set), giving inverse document frequencies: a word that appears in every sentence of a
/// story tells two of its sentences apart less than a rare name does.
/// </summary>
public sealed class TermStatistics
{
    private int[] _df = new int[1024];
    private int _units;

    /// <summary>Number of counted units (sentences).</summary>
    public int Units => _units;

    /// <summary>Counts one unit (a sentence) holding the given distinct term ids.</summary>
    public void AddUnit(ReadOnlySpan<int> distinctTerms)
    {
        foreach (var id in distinctTerms)
        {
            if (id >= _df.Length) Array.Resize(ref _df, Math.Max(_df.Length * 2, id + 1));
            _df[id]++;
        }
        _units++;
    }

    public void Add(DocumentProfile profile)
    {
        foreach (var s in profile.Sentences) AddUnit(s.Terms);
    }

    public int DocumentFrequency(int id) => id < _df.Length ? _df[id] : 0;

    /// <summary>Smoothed IDF, never below a small floor so that shared frequent words still count a little.</summary>
    public float Idf(int id)
    {
        double n = _units + 1;
        double df = DocumentFrequency(id);
        return (float)Math.Max(0.1, Math.Log((n + 1) / (df + 0.5)));
    }
}
