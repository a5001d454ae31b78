using WireTrace.Core.Documents;

namespace WireTrace.Ingest;

/// <summary>A file, row or path that was not read as an article, and why.</summary>
/// <param name="Path">The file (or missing path) concerned.</param>
/// <param name="Line">The 1-based line where the bad row starts, for JSONL and CSV rows; null for whole files.</param>
/// <param name="Reason">A sentence for the user, e.g. <c>malformed JSON: ...</c>.</param>
public sealed record SkippedInput(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Reason}" : $"{Path}: {Reason}";
}

/// <summary>One result of reading an input file: an article, or a part of the input that was skipped.</summary>
public abstract record IngestItem;

/// <summary>An article read from the input.</summary>
public sealed record ArticleRead(Article Article) : IngestItem;

/// <summary>A part of the input that was skipped; reading goes on after it.</summary>
public sealed record InputSkipped(SkippedInput Skipped) : IngestItem;

/// <summary>An input file found by <see cref="CorpusReader.Discover"/>.</summary>
/// <param name="Length">Size in bytes when discovered.</param>
public sealed record InputFile(string Path, long Length, InputFormat Format);

/// <summary>The formats WireTrace reads, chosen by file extension.</summary>
public enum InputFormat
{
    /// <summary><c>.txt</c>: the whole file is one article.</summary>
    Text,
    /// <summary><c>.md</c>, <c>.markdown</c>: the whole file is one article.</summary>
    Markdown,
    /// <summary><c>.html</c>, <c>.htm</c>, <c>.xhtml</c>: one article extracted from the page.</summary>
    Html,
    /// <summary><c>.jsonl</c>, <c>.ndjson</c>: one JSON object per line.</summary>
    Jsonl,
    /// <summary><c>.csv</c>: a header row, then one article per record.</summary>
    Csv,
}

/// <summary>Limits for <see cref="CorpusReader"/>.</summary>
/// <param name="MaxDocumentFileBytes">Largest .txt/.md/.html file read as one article; bigger files are skipped unread.</param>
/// <param name="MaxRowChars">Longest JSONL line or CSV record, in characters; longer ones are skipped.</param>
public sealed record CorpusReaderOptions(long MaxDocumentFileBytes = 20_000_000, int MaxRowChars = 5_000_000);
