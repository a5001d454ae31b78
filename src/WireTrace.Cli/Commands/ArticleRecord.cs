using System.Text;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;

namespace WireTrace.Cli.Commands;

/// <summary>
/// An article as scan keeps it in its text <see cref="SpillFile"/>: everything but its id (which stays in memory), and
/// its sentence spans. Layout (<see cref="BinaryWriter"/>: little-endian numbers, length-prefixed UTF-8 strings): the
/// optional strings path, title, outlet, url, agency and dateline (a presence flag each), the publication day number
/// (-1 for none), the outlet-prefix flag, the body span, the sentence count and spans, then the text.
/// </summary>
internal static class ArticleRecord
{
    /// <summary>The record of <paramref name="article"/> with the spans of <paramref name="sentences"/>.</summary>
    public static byte[] Write(Article article, IReadOnlyList<Sentence> sentences)
    {
        using var buffer = new MemoryStream(Encoding.UTF8.GetMaxByteCount(article.Text.Length) / 2 + 64 + 8 * sentences.Count);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var field in (ReadOnlySpan<string?>)[article.Path, article.Title, article.Outlet, article.Url, article.Agency, article.Dateline])
            {
                w.Write(field is not null);
                if (field is not null) w.Write(field);
            }
            w.Write(article.Published?.DayNumber ?? -1);
            w.Write(article.OutletPrefix);
            w.Write(article.Body.Start);
            w.Write(article.Body.Length);
            w.Write(sentences.Count);
            foreach (var sentence in sentences)
            {
                w.Write(sentence.Span.Start);
                w.Write(sentence.Span.Length);
            }
            w.Write(article.Text);
        }
        return buffer.ToArray();
    }

    /// <summary>The article (with id <paramref name="id"/>) and sentence spans <see cref="Write"/> put in <paramref name="record"/>.</summary>
    public static (Article Article, TextSpan[] Sentences) Read(string id, byte[] record)
    {
        using var r = new BinaryReader(new MemoryStream(record, writable: false), Encoding.UTF8);
        var fields = new string?[6];
        for (int i = 0; i < fields.Length; i++) fields[i] = r.ReadBoolean() ? r.ReadString() : null;
        int day = r.ReadInt32();
        bool outletPrefix = r.ReadBoolean();
        var body = new TextSpan(r.ReadInt32(), r.ReadInt32());
        var sentences = new TextSpan[r.ReadInt32()];
        for (int i = 0; i < sentences.Length; i++) sentences[i] = new TextSpan(r.ReadInt32(), r.ReadInt32());
        string text = r.ReadString();
        var article = new Article(id, fields[0], text, body, fields[1], fields[2], day < 0 ? null : DateOnly.FromDayNumber(day), fields[3], fields[4], fields[5], outletPrefix);
        return (article, sentences);
    }
}
