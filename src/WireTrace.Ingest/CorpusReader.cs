namespace WireTrace.Ingest;

/// <summary>
/// Finds input files and streams the articles in them. Bad input never stops reading: each bad file, row or path
/// becomes exactly one <see cref="SkippedInput"/> naming it (and the line, for rows), and reading goes on.
/// </summary>
/// <remarks>
/// Duplicate ids are handled here: the reader remembers every id it has returned, across all files read by this
/// instance, and a later article with an id already seen is skipped with reason
/// <c>duplicate id X (first at PATH)</c>. Use one instance per corpus. An instance is not thread-safe.
/// </remarks>
public sealed class CorpusReader
{
    private readonly CorpusReaderOptions _options;
    private readonly Dictionary<string, string> _firstPathById = new(StringComparer.Ordinal);

    public CorpusReader(CorpusReaderOptions? options = null)
    {
        _options = options ?? new CorpusReaderOptions();
        if (_options.MaxDocumentFileBytes <= 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxDocumentFileBytes must be positive.");
        if (_options.MaxRowChars <= 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxRowChars must be positive.");
    }

    /// <summary>The input format for a file name by its extension, or null for files WireTrace does not read.</summary>
    public static InputFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => InputFormat.Text,
        ".md" or ".markdown" => InputFormat.Markdown,
        ".html" or ".htm" or ".xhtml" => InputFormat.Html,
        ".jsonl" or ".ndjson" => InputFormat.Jsonl,
        ".csv" => InputFormat.Csv,
        _ => null,
    };

    /// <summary>
    /// Expands files and folders (recursively) into the input files, sorted by path (ordinal) for determinism, each
    /// file once. In folders, files with unknown extensions and hidden files or folders (name starting with '.')
    /// are ignored; a missing path, or a file named explicitly with an unknown extension, goes to
    /// <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyList<InputFile> Discover(IEnumerable<string> paths, ICollection<SkippedInput> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (FormatOf(path) is { } format) Add(found, path, format);
                else problems.Add(new SkippedInput(path, null, $"unsupported file type \"{Path.GetExtension(path)}\" (expected .txt, .md, .html, .htm, .jsonl or .csv)"));
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
                foreach (var file in Directory.EnumerateFiles(path, "*", options))
                {
                    if (IsHidden(Path.GetRelativePath(path, file))) continue;
                    if (FormatOf(file) is { } format) Add(found, file, format);
                }
            }
            else
            {
                problems.Add(new SkippedInput(path, null, "no such file or folder"));
            }
        }
        return found.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Streams the articles of one file. JSONL and CSV files are read a line at a time and never held whole in
    /// memory; bad parts become <see cref="InputSkipped"/> items and the rest goes on. A file that cannot be opened or
    /// read becomes one <see cref="InputSkipped"/>.
    /// </summary>
    public IEnumerable<IngestItem> Read(InputFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        IEnumerable<IngestItem> items = file.Format switch
        {
            InputFormat.Jsonl => JsonlArticleReader.Read(file, _options, cancellationToken),
            InputFormat.Csv => CsvArticleReader.Read(file, _options, cancellationToken),
            _ => ReadDocument(file, cancellationToken),
        };
        return Guard(file, items);
    }

    /// <summary>Discovers <paramref name="paths"/> and reads every file in order; discovery problems come first as <see cref="InputSkipped"/> items.</summary>
    public IEnumerable<IngestItem> ReadAll(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var problems = new List<SkippedInput>();
        var files = Discover(paths, problems);
        foreach (var problem in problems) yield return new InputSkipped(problem);
        foreach (var file in files)
        {
            foreach (var item in Read(file, cancellationToken)) yield return item;
        }
    }

    private IEnumerable<IngestItem> ReadDocument(InputFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        yield return DocumentFileReader.Read(file, _options);
    }

    // Turns IO failures into one skip, and skips duplicate ids, without stopping the enumeration of other files.
    private IEnumerable<IngestItem> Guard(InputFile file, IEnumerable<IngestItem> items)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            IngestItem? item;
            var failed = false;
            try
            {
                if (!enumerator.MoveNext()) yield break;
                item = enumerator.Current;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                item = new InputSkipped(new SkippedInput(file.Path, null, $"could not read the file: {e.Message}"));
                failed = true;
            }
            if (item is ArticleRead { Article: var article })
            {
                if (_firstPathById.TryGetValue(article.Id, out var first))
                {
                    item = new InputSkipped(new SkippedInput(file.Path, LineOf(article.Path), $"duplicate id {article.Id} (first at {first})"));
                }
                else
                {
                    _firstPathById.Add(article.Id, article.Path ?? file.Path);
                }
            }
            yield return item;
            if (failed) yield break;
        }
    }

    private static int? LineOf(string? articlePath)
    {
        var colon = articlePath?.LastIndexOf(':') ?? -1;
        return colon >= 0 && int.TryParse(articlePath.AsSpan(colon + 1), out var line) ? line : null;
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.') && part is not "." and not "..");

    // Keyed by full path so a file named twice (or inside two given folders) is read once.
    private static void Add(Dictionary<string, InputFile> found, string path, InputFormat format) =>
        found.TryAdd(Path.GetFullPath(path), new InputFile(path, new FileInfo(path).Length, format));
}
