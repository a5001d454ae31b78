using System.Buffers.Binary;
using System.Text;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;

namespace WireTrace.Cli.Commands;

/// <summary>
/// An article as scan keeps it in its text <see cref="SpillFile"/>: everything but its id (which stays in memory), and
/// its sentence spans. Layout (32-bit little-endian integers; a string is its UTF-8 byte count, -1 for none, then its
/// bytes): the strings path, title, outlet, url, agency and dateline, the publication day number (-1 for none), the
/// outlet-prefix flag (0 or 1), the body start and length, the sentence count and each sentence's start and length,
/// then the text's bytes to the end of the record.
/// </summary>
internal static class ArticleRecord
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The record of <paramref name="article"/> with the spans of <paramref name="sentences"/>.</summary>
    public static byte[] Write(Article article, IReadOnlyList<Sentence> sentences)
    {
        ReadOnlySpan<string?> fields = [article.Path, article.Title, article.Outlet, article.Url, article.Agency, article.Dateline];
        int size = 4 * (fields.Length + 5 + 2 * sentences.Count) + Utf8.GetByteCount(article.Text);
        foreach (var field in fields) size += field is null ? 0 : Utf8.GetByteCount(field);
        var record = new byte[size];
        var at = record.AsSpan();
        foreach (var field in fields)
        {
            if (field is null)
            {
                Put(ref at, -1);
                continue;
            }
            int length = Utf8.GetBytes(field, at[4..]);
            Put(ref at, length);
            at = at[length..];
        }
        Put(ref at, article.Published?.DayNumber ?? -1);
        Put(ref at, article.OutletPrefix ? 1 : 0);
        Put(ref at, article.Body.Start);
        Put(ref at, article.Body.Length);
        Put(ref at, sentences.Count);
        foreach (var sentence in sentences)
        {
            Put(ref at, sentence.Span.Start);
            Put(ref at, sentence.Span.Length);
        }
        Utf8.GetBytes(article.Text, at);
        return record;
    }

    /// <summary>The article (with id <paramref name="id"/>) and sentence spans <see cref="Write"/> put in <paramref name="record"/>.</summary>
    public static (Article Article, TextSpan[] Sentences) Read(string id, ReadOnlySpan<byte> record)
    {
        var at = record;
        var fields = new string?[6];
        for (int i = 0; i < fields.Length; i++)
        {
            int length = Take(ref at);
            if (length < 0) continue;
            fields[i] = Utf8.GetString(at[..length]);
            at = at[length..];
        }
        int day = Take(ref at);
        bool outletPrefix = Take(ref at) != 0;
        var body = new TextSpan(Take(ref at), Take(ref at));
        var sentences = new TextSpan[Take(ref at)];
        for (int i = 0; i < sentences.Length; i++) sentences[i] = new TextSpan(Take(ref at), Take(ref at));
        string text = Utf8.GetString(at);
        var article = new Article(id, fields[0], text, body, fields[1], fields[2], day < 0 ? null : DateOnly.FromDayNumber(day), fields[3], fields[4], fields[5], outletPrefix);
        return (article, sentences);
    }

    private static void Put(ref Span<byte> at, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(at, value);
        at = at[4..];
    }

    private static int Take(ref ReadOnlySpan<byte> at)
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(at);
        at = at[4..];
        return value;
    }
}
