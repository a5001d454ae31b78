namespace WireTrace.Ingest;

/// <summary>Reads a .txt, .md or .html file as one article whose id is the file name without extension.</summary>
internal static class DocumentFileReader
{
    public static IngestItem Read(InputFile file, CorpusReaderOptions options)
    {
        var length = new FileInfo(file.Path).Length;
        if (length > options.MaxDocumentFileBytes)
        {
            return Skip(file, $"file is {length:N0} bytes, more than the {options.MaxDocumentFileBytes:N0}-byte limit for one article");
        }
        var bytes = File.ReadAllBytes(file.Path);
        if (Utf8Text.IsWhiteSpace(bytes) || bytes.AsSpan().SequenceEqual(Utf8Text.Bom)) return Skip(file, "empty file");
        if (Utf8Text.BinaryReason(bytes.AsSpan(0, Math.Min(bytes.Length, Utf8Text.SniffBytes))) is { } binary) return Skip(file, binary);
        if (!Utf8Text.TryDecode(bytes, out var text, out var bad))
        {
            return Skip(file, $"invalid UTF-8 at byte offset {bad:N0} (line {Utf8Text.LineOf(bytes, bad)})");
        }
        if (string.IsNullOrWhiteSpace(text)) return Skip(file, "empty file");
        var id = Path.GetFileNameWithoutExtension(file.Path);
        return file.Format switch
        {
            InputFormat.Html => FromHtml(file, id, text),
            _ => new ArticleRead(ArticleFields.None.Build(id, file.Path, text)),
        };
    }

    private static IngestItem FromHtml(InputFile file, string id, string html)
    {
        var page = HtmlArticleExtractor.Extract(html);
        if (page is null) return Skip(file, "no article text found");
        var fields = new ArticleFields(page.Title, page.Outlet, page.Published, page.Url);
        return new ArticleRead(fields.Build(id, file.Path, page.Text, recogniseHeadline: page.Title is null));
    }

    private static InputSkipped Skip(InputFile file, string reason) => new(new SkippedInput(file.Path, null, reason));
}
