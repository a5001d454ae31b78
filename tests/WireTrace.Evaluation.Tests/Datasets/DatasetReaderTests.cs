using WireTrace.Evaluation.Datasets;
using WireTrace.Tests;

namespace WireTrace.Evaluation.Tests.Datasets;

public sealed class DatasetReaderTests
{
    private static string Folder(string name) => SharedData.PathTo(name);

    [Fact]
    public void MrpcSplitsHaveTheDocumentedSizes()
    {
        var mrpc = new MrpcDataset(Folder(MrpcDataset.FolderName));
        var train = mrpc.Read(MrpcSplit.Train).ToList();
        Assert.Equal(3576, train.Count);
        Assert.Equal(500, mrpc.Read(MrpcSplit.Validation).Count());
        Assert.Equal(1725, mrpc.Read(MrpcSplit.Test).Count());
        var first = train[0];
        Assert.True(first.Paraphrase);
        Assert.Equal(("702876", "702977"), (first.Id1, first.Id2));
        Assert.Equal("Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.", first.S1);
        Assert.False(train[1].Paraphrase);
        Assert.DoesNotContain(train, p => p.S2.EndsWith('\r'));
    }

    [Fact]
    public void StsBenchmarkReadsLinesWithExtraFields()
    {
        var sts = new StsBenchmarkDataset(Folder(StsBenchmarkDataset.FolderName));
        var train = sts.Read(StsSplit.Train).ToList();
        Assert.Equal(5749, train.Count);
        Assert.Equal(8628, train.Count + sts.Read(StsSplit.Dev).Count() + sts.Read(StsSplit.Test).Count());
        Assert.Equal(("main-captions", 5.0, "A plane is taking off.", "An air plane is taking off."), (train[0].Genre, train[0].Score, train[0].S1, train[0].S2));
        Assert.Equal("MSRvid", train[0].File);
        var withSources = train.Single(p => p.File == "headlines" && p.Year == "2016" && p.PairId == "0012");
        Assert.Equal("Driver backs into mom, stroller with child then drives off", withSources.S2);
        Assert.Equal(4.0, withSources.Score);
        Assert.All(train, p => Assert.InRange(p.Score, 0, 5));
    }

    [Fact]
    public void SemEvalListsPartsAndSkipsUnscoredPairs()
    {
        var semeval = new SemEvalStsDataset(Folder(SemEvalStsDataset.FolderName));
        var parts = semeval.Parts();
        Assert.Contains(parts, p => p.Key == "2012/MSRpar.train" && p.IsNews);
        Assert.Contains(parts, p => p.Key == "2014/deft-news.test" && p.IsNews);
        Assert.Contains(parts, p => p.Key == "2013/OnWN.test" && !p.IsNews);
        Assert.Equal(5, parts.Select(p => p.Year).Distinct().Count());
        Assert.Equal(750, semeval.Read("2012/MSRpar.train").Count());
        var headlines2015 = semeval.Read("2015/headlines.test").ToList();
        Assert.Equal(750, headlines2015.Count); // 1500 lines, 750 with an empty score
        Assert.All(headlines2015, p => Assert.InRange(p.Score, 0, 5));
        Assert.Throws<DatasetNotFoundException>(() => semeval.Part("2012/nothing.test"));
    }

    [Fact]
    public void CloughStevensonDecodesCp1252AndQuotedNewlines()
    {
        var answers = new CloughStevensonDataset(Folder(CloughStevensonDataset.FolderName)).Read().ToList();
        Assert.Equal(95, answers.Count);
        Assert.Equal(38, answers.Count(a => a.Degree == DerivationDegree.NonDerived));
        Assert.Equal(19, answers.Count(a => a.Degree == DerivationDegree.HeavyRevision));
        Assert.Equal(19, answers.Count(a => a.Degree == DerivationDegree.LightRevision));
        Assert.Equal(19, answers.Count(a => a.Degree == DerivationDegree.CutAndPaste));
        Assert.Equal(5, answers.Select(a => a.Source).Distinct().Count());
        Assert.StartsWith("Dynamic Programming is a very powerful", answers[0].Answer);
        Assert.Contains("\u2018Greedy\u2019 algorithms", answers[0].Answer); // cp1252 0x91/0x92 repaired
        Assert.StartsWith("In mathematics and computer science, dynamic programming", answers[0].Source);
        Assert.All(answers, a => Assert.DoesNotContain(a.Answer + a.Source, c => c is '\r' or (>= '\u0080' and <= '\u009F') or '\uFFFD' or '\uFEFF'));
        Assert.Contains('\n', answers[0].Answer);
    }

    [Fact]
    public void EcbPlusDocumentsAndDetokenisation()
    {
        var docs = new EcbPlusDataset(Folder(EcbPlusDataset.FolderName)).Read().ToList();
        Assert.Equal(982, docs.Count);
        Assert.Equal(43, docs.Select(d => d.Topic).Distinct().Count());
        Assert.Equal(86, docs.Select(d => d.Subtopic).Distinct().Count());
        var first = docs[0];
        Assert.Equal(("1_10ecb.xml", 1, "1_ecb", (string?)null), (first.DocId, first.Topic, first.Subtopic, first.Url));
        Assert.Equal("Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People.", first.DetokenisedSentences[0]);
        Assert.Equal("“We appreciate your respect to her and her family's privacy at this time,” the 33-year-old actress's rep Jack Ketsoyan told the magazine exclusively for their Web site.", first.DetokenisedSentences[1]);
        var plus = docs[1];
        Assert.Equal(plus.Url, plus.DetokenisedSentences[0]);
        Assert.Contains("a 90-day court-mandated stay", plus.Text);
        Assert.True(docs.Single(d => d.DocId == "36_1ecb.xml").IsEvalOnly);
    }

    [Theory]
    [InlineData("He said \" we ca n't go \" ( again ) .", "He said \"we can't go\" (again).")]
    [InlineData("It cost $ 5 , or 10 % more : yes !", "It cost $5, or 10% more: yes!")]
    [InlineData("rear - ended in 2011 / 12 -- but", "rear-ended in 2011/12 -- but")]
    [InlineData("They didn't , she 's sure ; we 're not", "They didn't, she's sure; we're not")]
    public void DetokenizerRules(string tokens, string expected)
    {
        Assert.Equal(expected, EcbDetokenizer.Detokenize(tokens));
    }

    [Fact]
    public void ReutersStoriesWithBodies()
    {
        var reuters = new Reuters21578Dataset(Folder(Reuters21578Dataset.FolderName));
        Assert.Equal(22, reuters.Files().Count);
        var stories = reuters.ReadStories().ToList();
        Assert.Equal(19043, stories.Count);
        Assert.Equal(stories.Count, stories.Select(s => s.NewId).Distinct().Count());
        var first = stories[0];
        Assert.Equal(1, first.NewId);
        Assert.Equal(new DateTime(1987, 2, 26, 15, 1, 1), first.Date);
        Assert.Equal("BAHIA COCOA REVIEW", first.Title);
        Assert.Equal("SALVADOR, Feb 26", first.Dateline);
        Assert.Equal(["cocoa"], first.Topics);
        Assert.StartsWith("Showers continued throughout the week in\nthe Bahia cocoa zone", first.Body);
        Assert.EndsWith("carnival which ends midday on February 27.", first.Body);
        Assert.StartsWith("Showers continued throughout the week in the Bahia cocoa zone, alleviating", first.Paragraphs[0]);
        Assert.Equal("The dry period means the temporao will be late this year.", first.Paragraphs[1]);
        Assert.All(stories, s => Assert.DoesNotContain("&#", s.Body));
        Assert.All(stories, s => Assert.DoesNotContain("&lt;", s.Body));
        Assert.True(stories.Count(s => s.Body.TrimEnd().EndsWith("Reuter", StringComparison.OrdinalIgnoreCase)) < 50);
        Assert.True(stories.Count(s => s.Date != null) > 19000);
        Assert.Contains(stories, s => s.Body.Contains('<'));
    }

    [Fact]
    public void ReutersBodyCleaning()
    {
        Assert.Equal("A &lt; B said.", Reuters21578Dataset.CleanBody("A &amp;lt; B said.\n REUTER...\r\n&#3;").Replace("&lt;", "&lt;"));
        Assert.Equal("x <y> & z", Reuters21578Dataset.CleanBody("x &lt;y&gt; &amp; z\n Reuter\n&#3;"));
        Assert.Equal(new DateTime(1987, 3, 27, 0, 2, 59), Reuters21578Dataset.ParseDate("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM"));
        Assert.Equal(new DateTime(1987, 4, 7, 16, 22, 0), Reuters21578Dataset.ParseDate(" 7-APR-1987 16:22:00.0"));
        Assert.Null(Reuters21578Dataset.ParseDate("garbage"));
    }

    [Fact]
    public void HelsinkiArticleSets()
    {
        var data = new HelsinkiProvenanceDataset(Folder(HelsinkiProvenanceDataset.FolderName));
        var articles = data.Read().ToList();
        Assert.Equal(612, articles.Count);
        Assert.Equal(("6", "nytimes.com", "2018-07-15T07:54:28-04:00"), (articles[0].Id, articles[0].Publisher, articles[0].ScrapeTime));
        Assert.Equal("Trump Plays Golf in Scotland Before Putin Summit Amid Russian Meddling Charges", articles[0].Paragraphs[0]);
        Assert.Contains("blaming \"fake news\"", articles[0].Text);
        Assert.StartsWith("Trump Plays Golf in Scotland Before Putin Summit Amid Russian Meddling Charges\n\nBy Reuters\n\n", articles[0].PlainText);
        Assert.Equal(32, data.Read(HelsinkiSet.Census).Count());
        Assert.Equal(36, data.Read(HelsinkiSet.Spotify).Count());
    }
}

public sealed class DatasetErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wiretrace-evaldata-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MissingDataNamesThePath()
    {
        var missing = Path.Combine(_dir, "nope");
        var e = Assert.Throws<DatasetNotFoundException>(() => new MrpcDataset(missing).Read(MrpcSplit.Train));
        Assert.Equal(Path.Combine(missing, "msr-para-train.tsv"), e.Path);
        Assert.Contains(e.Path, e.Message);
        Assert.Throws<DatasetNotFoundException>(() => new StsBenchmarkDataset(missing).Read(StsSplit.Dev));
        Assert.Throws<DatasetNotFoundException>(() => new SemEvalStsDataset(missing).Parts());
        Assert.Throws<DatasetNotFoundException>(() => new CloughStevensonDataset(missing).Read());
        Assert.Throws<DatasetNotFoundException>(() => new EcbPlusDataset(missing).Read());
        Assert.Throws<DatasetNotFoundException>(() => new Reuters21578Dataset(missing).ReadStories());
        Assert.Throws<DatasetNotFoundException>(() => new HelsinkiProvenanceDataset(missing).Read());
        Assert.Throws<DatasetNotFoundException>(() => SharedDataRoot.Locate(missing));
    }

    [Fact]
    public void MalformedLineNamesTheLine()
    {
        var path = Path.Combine(_dir, "bad.tsv");
        File.WriteAllText(path, "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\ta\tb\tx\ty\r\n0\ta\tb\tonly four\r\n");
        var e = Assert.Throws<DatasetFormatException>(() => MrpcDataset.ReadFile(path).ToList());
        Assert.Equal(3, e.LineNumber);
        Assert.Contains("bad.tsv(3)", e.Message);

        var sts = Path.Combine(_dir, "sts.csv");
        File.WriteAllText(sts, "g\tf\ty\t1\t5.0\ta\tb\ng\tf\ty\t2\tfive\ta\tb\n");
        Assert.Equal(2, Assert.Throws<DatasetFormatException>(() => StsBenchmarkDataset.ReadFile(sts).ToList()).LineNumber);
    }

    [Fact]
    public void CsvQuotedFieldsAndUnclosedQuote()
    {
        var path = Path.Combine(_dir, "c.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "\"multi\r\nline, \"\"quoted\"\"\",\"src\",3\n"u8, .. "caf"u8, 0xE9, 0x20, 0x93, .. "ok"u8, 0x94, .. ",src,0\n"u8]);
        var answers = CloughStevensonDataset.ReadFile(path).ToList();
        Assert.Equal("multi\nline, \"quoted\"", answers[0].Answer);
        Assert.Equal(3, answers[0].Label);
        Assert.Equal("café “ok”", answers[1].Answer); // invalid UTF-8 line decoded as cp1252
        File.WriteAllText(path, "a,b,1\n\"open,b,2\nmore\n");
        Assert.Equal(2, Assert.Throws<DatasetFormatException>(() => CloughStevensonDataset.ReadFile(path).ToList()).LineNumber);
    }

    [Fact]
    public void ReutersElementWithoutNewIdIsReported()
    {
        var path = Path.Combine(_dir, "r.sgm");
        File.WriteAllText(path, "<!DOCTYPE>\n<REUTERS NEWID=\"7\">\n<TEXT><BODY>ok\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS OLDID=\"1\">\n<TEXT><BODY>x</BODY></TEXT></REUTERS>\n");
        var stories = new List<ReutersStory>();
        var e = Assert.Throws<DatasetFormatException>(() => { foreach (var s in Reuters21578Dataset.ReadFile(path)) stories.Add(s); });
        Assert.Equal(7, e.LineNumber);
        Assert.Equal("ok", Assert.Single(stories).Body);
    }
}
