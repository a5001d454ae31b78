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
    private IdfTable _idf = new([], -1);

    /// <summary>IDF values for one state of the counts, swapped in as one reference so readers never see a torn pair.</summary>
    private sealed record IdfTable(float[] Values, int Units);

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

    /// <summary>
    /// The IDF weights of two sorted distinct term-id arrays (<paramref name="wx"/>, <paramref name="wy"/>) and of the
    /// terms they share, each summed in ascending term order.
    /// </summary>
    public void WeightedOverlap(int[] x, int[] y, out double wx, out double wy, out double shared)
    {
        wx = 0; wy = 0; shared = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                float idf = Idf(x[i]);
                wx += idf; wy += idf; shared += idf;
                i++; j++;
            }
            else if (x[i] < y[j]) wx += Idf(x[i++]);
            else wy += Idf(y[j++]);
        }
        while (i < x.Length) wx += Idf(x[i++]);
        while (j < y.Length) wy += Idf(y[j++]);
    }

    public int DocumentFrequency(int id) => id < _df.Length ? _df[id] : 0;

    /// <summary>
    /// Smoothed IDF, never below a small floor so that shared frequent words still count a little.
    /// Computed once per state of the counts and cached; reading is thread-safe once counting is done.
    /// </summary>
    public float Idf(int id)
    {
        var table = Volatile.Read(ref _idf);
        if (table.Units != _units) table = BuildIdf();
        return id < table.Values.Length ? table.Values[id] : Compute(table.Units, 0);
    }

    private IdfTable BuildIdf()
    {
        int units = _units;
        var values = new float[_df.Length];
        for (int id = 0; id < values.Length; id++) values[id] = Compute(units, _df[id]);
        var table = new IdfTable(values, units);
        Volatile.Write(ref _idf, table);
        return table;
    }

    private static float Compute(int units, int df) => (float)Math.Max(0.1, Math.Log((units + 2.0) / (df + 0.5)));
}
