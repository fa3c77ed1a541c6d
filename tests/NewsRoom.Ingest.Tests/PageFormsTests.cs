namespace NewsRoom.Ingest.Tests;

/// <summary>Printed forms beyond the seeds: briefs opening with their credit, source leads, mastheads, place columns.</summary>
public class PageFormsTests
{
    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Fact]
    public void Parse_BriefOpeningWithItsCredit_TakesTheCreditAndStartsTheTextAfterIt()
    {
        var issue = Pages.Parse(Page("某某快讯", "●(草原云•内蒙古新闻网记者 周 丽)机械轰鸣作响,7月28日,某旗项目开工。", "●日前,某旗公布了名单。"));

        var a = issue.Articles[0];
        Assert.Equal([new ParsedByline("周丽", BylineRole.Reporter)], a.Bylines);
        Assert.StartsWith("机械轰鸣作响", a.Body[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SourceLead_IsNotTheStorysFirstWords()
    {
        var issue = Pages.Parse(Page("某旗交警启动护学岗", "《内蒙古日报》消息  2月24日,某旗迎来春季开学第一天。"));

        var a = Assert.Single(issue.Articles);
        Assert.StartsWith("2月24日", a.Body[0], StringComparison.Ordinal);
        Assert.Null(a.Dateline);
    }

    [Fact]
    public void Parse_PaperNameAloneAtTheTop_IsTheMastheadNotAHeadline()
    {
        var issue = Pages.Parse(Page("鄂尔多斯日报", "2024年6月17日 星期一", "某某媒体记者走进某区调研采访", "6月14日,多家媒体记者齐聚某区,开展调研采访。"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("某某媒体记者走进某区调研采访", a.Headline);
        Assert.Equal("鄂尔多斯日报", issue.Paper);
        Assert.Equal("鄂尔多斯市", issue.HomeRegion);
    }

    [Fact]
    public void Parse_PlaceBeforeTheNameInATrailingCredit_IsNotABylineOfItsOwn()
    {
        var issue = Pages.Parse(Page("某某会议召开", "为推进工作,4月1日上午,某单位召开会议。(杭锦旗 王  斐)"));

        Assert.Equal([new ParsedByline("王斐", BylineRole.Author)], Assert.Single(issue.Articles).Bylines);
    }

    [Theory]
    [InlineData("新华社记者彭 源摄", "彭源")]
    [InlineData("某地风光 摄影/吕乐言", "吕乐言")]
    public void ReadPhotoCredit_CreditForms_GiveThePhotographer(string line, string name)
    {
        var credit = Credits.ReadPhotoCredit(line);

        Assert.NotNull(credit);
        Assert.Equal([new ParsedByline(name, BylineRole.Photographer)], credit.Value.Credits);
    }

    [Fact]
    public void Parse_ColumnNamedAfterACounty_GivesItsLeagueToABriefThatNamesNoPlace()
    {
        var issue = Pages.Parse(Page("克什克腾", "●本报讯(通讯员 那仁)2月15日,旗民委到嘎查开展宣传活动。"));

        Assert.Equal("赤峰市", Assert.Single(issue.Articles).Regions[0]);
    }
}
