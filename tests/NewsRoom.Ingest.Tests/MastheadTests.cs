namespace NewsRoom.Ingest.Tests;

/// <summary>The page's own facts: paper, date, 版次 and 版名 from its masthead and running furniture.</summary>
public class MastheadTests
{
    private const string Story = "草原书屋开门迎客\n\n本报讯(记者 王明)5月10日,草原书屋在某旗开门迎客。\n";

    [Theory]
    [InlineData("北方新报  2025年2月26日 星期三", "北方新报", "2025-02-26", null, null)]
    [InlineData("2024年10月10日 第03版:文旅", null, "2024-10-10", 3, "文旅")]
    [InlineData("2022年8月10日 星期三  通辽日报\n\n第2版  要闻", "通辽日报", "2022-08-10", 2, "要闻")]
    public void Parse_Masthead_GivesPaperDatePageAndPageName(string masthead, string? paper, string date, int? page, string? pageName)
    {
        var issue = Pages.Parse(masthead + "\n\n" + Story);

        if (paper is not null)
        {
            Assert.Equal(paper, issue.Paper);
        }
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), issue.Date);
        Assert.Equal(page, issue.Page);
        Assert.Equal(pageName, issue.PageName);
        Assert.DoesNotContain(issue.Warnings, w => w.Contains("推断", StringComparison.Ordinal));
        Assert.Single(issue.Articles);
    }

    [Fact]
    public void Parse_NoPrintedDate_InfersItFromADatelineAndSaysSo()
    {
        var issue = Pages.Parse("草原书屋开门迎客\n\n本报包头5月10日电(记者 王明)2024年以来,草原书屋在某旗开门迎客。\n");

        Assert.Equal(new DateOnly(2024, 5, 11), issue.Date);
        Assert.Contains(issue.Warnings, w => w.StartsWith("第1行：版面未印日期", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NothingDated_HasNoDateNotTheDayOfParsing()
    {
        var issue = Pages.Parse(Story);

        Assert.Null(issue.Date);
        Assert.Null(issue.Page);
    }

    [Fact]
    public void ToJson_WritesPageAndPageName()
    {
        var json = ParseJson.ToJson([Pages.Parse("2024年10月10日 第03版:文旅\n\n" + Story)]);

        Assert.Contains("\"page\": 3,", json, StringComparison.Ordinal);
        Assert.Contains("\"pageName\": \"文旅\",", json, StringComparison.Ordinal);
    }
}
