using System.Diagnostics;
using System.Text;

namespace NewsRoom.Ingest.Tests;

/// <summary>Inputs a page dump should not be but sometimes is: the parser never throws on text, loses nothing and stays fast.</summary>
public class OddInputTests
{
    static OddInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Seed = "000_1e3f9b62d9072bb2.txt";

    private static ParsedIssue ReadOk(string name, byte[] bytes)
    {
        var reading = PageDump.Read(name, bytes);
        Assert.Null(reading.Error);
        return Assert.IsType<ParsedIssue>(reading.Issue);
    }

    [Fact]
    public void Read_EmptyFile_GivesAnEmptyIssue()
    {
        var issue = ReadOk("empty.txt", []);

        Assert.Empty(issue.Articles);
        Assert.Empty(issue.Unplaced);
        Assert.Equal("empty.txt", issue.File);
    }

    [Fact]
    public void Read_WhitespaceOnly_GivesAnEmptyIssue()
    {
        var issue = ReadOk("blank.txt", Encoding.UTF8.GetBytes(" \n\n\t \r\n\u3000\n## \n"));

        Assert.Empty(issue.Articles);
        Assert.Empty(issue.Unplaced);
        Assert.Empty(issue.Furniture);
    }

    [Fact]
    public void Read_BinaryBytes_AreRefusedWithAOneLineReason()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;

        var reading = PageDump.Read("photo.jpg", bytes);

        Assert.Null(reading.Issue);
        Assert.False(string.IsNullOrWhiteSpace(reading.Error));
        Assert.DoesNotContain('\n', reading.Error);
    }

    [Fact]
    public void Read_Gb18030BytesOfASeed_GiveTheSameResultAsUtf8()
    {
        var text = Pages.SeedText(Seed);

        var utf8 = ReadOk(Seed, Encoding.UTF8.GetBytes(text));
        var gb = ReadOk(Seed, Encoding.GetEncoding("GB18030").GetBytes(text));

        Assert.Equal("gb18030", PageDump.Read(Seed, Encoding.GetEncoding("GB18030").GetBytes(text)).Encoding);
        Assert.Equal(Pages.Json(utf8), Pages.Json(gb));
        Assert.NotEmpty(utf8.Articles);
        Assert.Empty(LostLines.Find(gb, text));
    }

    [Fact]
    public void Read_Utf16AndBomUtf8OfASeed_GiveTheSameResultAsUtf8()
    {
        var text = Pages.SeedText(Seed);
        var utf8 = Pages.Json(ReadOk(Seed, Encoding.UTF8.GetBytes(text)));

        var utf16 = ReadOk(Seed, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        Assert.Equal(utf8, Pages.Json(utf16));
        Assert.Empty(LostLines.Find(utf16, text));
        Assert.Equal(utf8, Pages.Json(ReadOk(Seed, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)])));
    }

    [Fact]
    public void Read_UndecodableBytes_AreRefused()
    {
        // Lone continuation bytes are neither UTF-8 nor GB18030 lead bytes.
        var reading = PageDump.Read("bad.txt", [0x41, 0x80, 0x80, 0xFF, 0xFF, 0x42]);

        Assert.Null(reading.Issue);
        Assert.NotNull(reading.Error);
    }

    [Fact]
    public void Parse_PageWithNoHeadline_KeepsItsTextAsUnplacedWithLineNumbers()
    {
        const string text = "近日,由自治区党委宣传部组织开展的宣讲活动走进鄂尔多斯职业学院,引导当代青年将个人成长融入奋斗之中。\n\n5月27日至29日,宣讲团成员来到各高校,鼓励青年学生既要有坚定的信仰,也要有奋斗的实践能力。\n";

        var issue = Pages.Parse(text);

        Assert.Empty(issue.Articles);
        Assert.Equal(2, issue.Unplaced.Count);
        Assert.Contains(issue.Warnings, w => w.StartsWith("第3行：", StringComparison.Ordinal));
        Assert.Empty(LostLines.Find(issue, text));
    }

    [Fact]
    public void Parse_FiveMegabytePage_IsFastAndLosesNothing()
    {
        var sb = new StringBuilder();
        var copy = 0;
        var bytes = 0;
        while (bytes < 5 * 1024 * 1024)
        {
            foreach (var f in Pages.SeedFiles)
            {
                // Numbered copies, so the page is not just one block repeated.
                var part = "第" + Pages.Invariant(copy++) + "期\n\n" + File.ReadAllText(f).Replace("。", "。" + Pages.Invariant(copy) + "号", StringComparison.Ordinal) + "\n\n\n";
                sb.Append(part);
                bytes += Encoding.UTF8.GetByteCount(part);
            }
        }
        var text = sb.ToString();
        Assert.True(Encoding.UTF8.GetByteCount(text) >= 5 * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var issue = Pages.Parse(text);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(issue.Articles.Count > 1000);
        Assert.Empty(LostLines.Find(issue, text));
    }

    private static string HardWrapped(int minBytes)
    {
        // Every paragraph wrapped at 25 characters, one line after another: a page OCR'd column line by line.
        var sb = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < minBytes)
        {
            foreach (var f in Pages.SeedFiles)
            {
                foreach (var line in File.ReadAllLines(f))
                {
                    for (var k = 0; k < line.Length; k += 25)
                    {
                        sb.Append(line.AsSpan(k, Math.Min(25, line.Length - k))).Append('\n');
                    }
                    if (line.Length == 0)
                    {
                        sb.Append('\n');
                    }
                }
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void Parse_HardWrappedPage_IsRejoinedAndLosesNothing()
    {
        var text = HardWrapped(1);

        var issue = Pages.Parse(text);

        Assert.Empty(LostLines.Find(issue, text));
        var story = Pages.Single(issue, "超薄铝箔炼成记");
        Assert.Contains(story.Body, p => p.Contains("决定着电池充放电效率。", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HardWrappedFiveMegabytePage_IsFast()
    {
        var text = HardWrapped(5 * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var issue = Pages.Parse(text);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(issue.Articles.Count > 1000);
    }

    [Fact]
    public void Parse_OneEnormousLine_IsFastAndLosesNothing()
    {
        var sentence = "呼伦贝尔市聚焦基层干部反映突出的问题,通过多措并举,靶向施策,把干事创业的手脚从形式主义的桎梏中解脱出来 ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40_000));

        var watch = Stopwatch.StartNew();
        var issue = Pages.Parse(text);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(LostLines.Find(issue, text));
    }

    [Fact]
    public void Parse_OneEnormousHeadlineLikeLineWithAStory_IsFast()
    {
        var text = "满都拉口岸进出口货运量突破300万吨\n\n本报包头6月2日电(记者 格日勒图)" + string.Concat(Enumerable.Repeat("口岸向着年度目标冲刺,全力推进项目建设", 100_000)) + "。\n";

        var watch = Stopwatch.StartNew();
        var issue = Pages.Parse(text);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal("包头市", Assert.Single(issue.Articles).Regions[0]);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("本报讯(")]
    [InlineData("本报讯()")]
    [InlineData("●")]
    [InlineData("## ")]
    [InlineData("【】")]
    [InlineData("□本报记者")]
    [InlineData("摄")]
    [InlineData("\t\t\t")]
    [InlineData("下转第5版\n\n本报包头6月2日电(记者 格日勒图)\n\n(王林喜)\n\n■本报记者 王中宙 摄")]
    [InlineData("新时代 新征程 新伟业\n\n【点评】\n\n扣场 美 新闻\n\n爆唱响。")]
    public void Parse_Fragments_NeverThrowAndLoseNothing(string text)
    {
        var issue = Pages.Parse(text);

        Assert.Empty(LostLines.Find(issue, text));
    }

    [Fact]
    public void Parse_RandomText_NeverThrowsAndLosesNothing()
    {
        var random = new Random(42);
        const string alphabet = "本报讯电记者摄影()（）□●■【】\t \n。,“”呼和浩特市九原区海南区下转第5版0123456789abc#";
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(1, 400)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }
            var text = new string(chars);

            var issue = Pages.Parse(text);

            Assert.Empty(LostLines.Find(issue, text));
        }
    }

    [Fact]
    public void Parse_ShuffledSeedLines_NeverThrowAndLoseNothing()
    {
        var lines = Pages.SeedFiles.SelectMany(File.ReadAllLines).ToArray();
        var random = new Random(1);
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(random.Next(3) == 0 ? "\n" : "\n\n", Enumerable.Range(0, random.Next(1, 60)).Select(_ => lines[random.Next(lines.Length)]));

            var issue = Pages.Parse(text);

            Assert.Empty(LostLines.Find(issue, text));
            Assert.All(issue.Warnings, w => Assert.Matches(@"^第\d+行：", w));
        }
    }

    [Fact]
    public void LostLines_WhenTheParserDropsAParagraph_ReportsIt()
    {
        var text = Pages.SeedText(Seed);
        var issue = Pages.ParseSeed(Seed);
        var damaged = issue with { Articles = [.. issue.Articles.Skip(1)] };

        var lost = LostLines.Find(damaged, text);

        Assert.Contains(lost, l => l.StartsWith("7: ", StringComparison.Ordinal));
    }
}
