namespace WireTrace.Core.Text;

/// <summary>A half-open range [Start, Start + Length) of UTF-16 code units in an article's original text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);

    public string Substring(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start}..{End})";
}
