namespace WireTrace.Ingest;

/// <summary>
/// Reads a CSV file with a header row naming its columns (case-insensitive): <c>text</c> required; <c>id</c>,
/// <c>title</c>, <c>outlet</c> (or <c>publisher</c>), <c>published</c>, <c>url</c> optional. Without an <c>id</c> column an article's id is
/// <c>&lt;file name&gt;-&lt;row number&gt;</c> (data rows counted from 1). Streams one record at a time.
/// </summary>
internal static class CsvArticleReader
{
    public static IEnumerable<IngestItem> Read(InputFile file, CorpusReaderOptions options, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (Utf8Text.BinaryReason(Utf8Text.Sniff(stream)) is { } binary)
        {
            yield return JsonlArticleReader.Skip(file, null, binary);
            yield break;
        }
        using var lines = new ByteLineReader(stream, JsonlArticleReader.MaxLineBytes(options));
        var records = new CsvRecordReader(lines, options.MaxRowChars);

        CsvRecord header;
        do
        {
            if (!records.TryRead(out header))
            {
                yield return JsonlArticleReader.Skip(file, null, "empty file");
                yield break;
            }
        } while (header.Fields is { Count: 1 } blank && string.IsNullOrWhiteSpace(blank[0]));
        if (header.Fields is null)
        {
            yield return JsonlArticleReader.Skip(file, header.Line, $"unreadable header row: {header.Error}");
            yield break;
        }
        var columns = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => columns.IndexOf(name);
        int id = Column("id"), text = Column("text"), title = Column("title"),
            outlet = Column("outlet") >= 0 ? Column("outlet") : Column("publisher"),
            published = Column("published"), url = Column("url");
        if (text < 0)
        {
            yield return JsonlArticleReader.Skip(file, header.Line, $"the header row has no \"text\" column (columns: {string.Join(", ", columns)})");
            yield break;
        }
        var baseName = Path.GetFileNameWithoutExtension(file.Path);
        var row = 0;
        while (records.TryRead(out var record))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Fields is { Count: 1 } only && string.IsNullOrWhiteSpace(only[0])) continue; // blank line
            row++;
            if (record.Fields is null)
            {
                yield return JsonlArticleReader.Skip(file, record.Line, record.Error!);
                continue;
            }
            var f = record.Fields;
            if (f.Count != columns.Count)
            {
                yield return JsonlArticleReader.Skip(file, record.Line,
                    f.Count < columns.Count
                        ? $"row has {f.Count} fields but the header has {columns.Count} (missing column \"{columns[f.Count]}\")"
                        : $"row has {f.Count} fields but the header has {columns.Count}");
                continue;
            }
            string? Get(int index) => index >= 0 ? f[index] : null;
            var rowId = id >= 0 ? f[id] : $"{baseName}-{row}";
            yield return JsonlArticleReader.Build(file, record.Line, rowId, f[text], Get(title), Get(outlet), Get(published), Get(url));
        }
    }
}
