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

    [Fact]
    public void Parse_TriangleMarkedLines_AreCaptionsOfTheStoryNotANewHeadline()
    {
        var issue = Pages.Parse(Page("春耕备耕忙", "■本报记者 张明 文/图", "连日来,某地农民抢抓农时,春耕备耕工作有序推进。", "▲培育秧苗", "▲选购农机"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["培育秧苗", "选购农机"], a.Photos.Select(p => p.Caption));
    }

    [Fact]
    public void Parse_TextThenCaptionWithCreditAboveAHeadline_IsAnUntitledPhotoItem()
    {
        var issue = Pages.Parse(Page("某市拥有丰富的冰雪资源,吸引众多游客前来赏雪游玩。", "图为游客在雪村景区游玩。 (王  明 摄)", "某旗稻农抢抓晴好天气", "近日,某旗的稻农们抢抓晴好天气,全面展开水稻插秧工作。", "(李  强 摄)"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal(ArticleKind.Photo, issue.Articles[0].Kind);
        Assert.Equal([new ParsedByline("王明", BylineRole.Photographer)], issue.Articles[0].Bylines);
        Assert.Equal([new ParsedByline("李强", BylineRole.Photographer)], issue.Articles[1].Bylines);
    }

    [Fact]
    public void Parse_ParagraphsThenACreditLine_StandAloneRatherThanIllustrateTheNextHeadline()
    {
        var issue = Pages.Parse(Page("5月17日,某旗的牧民在驱赶马群。", "初夏时节,某旗的草原开始返青,景象壮观。", "新华社记者彭 源摄", "某旗召开工作会议", "11月28日,某旗召开工作会议。(某旗融媒体中心)"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal([new ParsedByline("彭源", BylineRole.Photographer)], issue.Articles[0].Bylines);
        Assert.DoesNotContain(issue.Articles[1].Bylines, b => b.Name == "彭源");
    }

    [Fact]
    public void Parse_CaptionWithCreditInsideASentence_StaysInTheStoryAndTheSentenceGoesOn()
    {
        var issue = Pages.Parse(Page("某公园开园", "7月3日上午,某公园开园了。据了解,公园是区政府投资兴建的2", "公园航拍图 摄影/吕乐言", "4个主题公园之一。园内种植苗木30余种。(记者 查  娜)"));

        var a = Assert.Single(issue.Articles);
        Assert.Contains("兴建的24个主题公园", string.Concat(a.Body), StringComparison.Ordinal);
        Assert.Contains(new ParsedByline("吕乐言", BylineRole.Photographer), a.Bylines);
        Assert.Contains(new ParsedByline("查娜", BylineRole.Reporter), a.Bylines);
    }

    [Fact]
    public void Parse_WholeRegionStoryNamingManyLeaguesInPassing_HasNoPrimaryRegion()
    {
        var issue = Pages.Parse(Page("全区春季植树造林工作全面展开", "连日来,呼和浩特市、包头市、赤峰市、通辽市等地干部群众纷纷走上山头,植树造林。"));

        Assert.Empty(Assert.Single(issue.Articles).Regions);
    }

    [Fact]
    public void Parse_StoryOfOneLeagueNamingOthers_KeepsItsPrimaryRegion()
    {
        var issue = Pages.Parse(Page("包头市春季植树造林工作全面展开", "连日来,包头市干部群众走上山头植树造林,呼和浩特市、赤峰市、通辽市的志愿者也赶来参加。"));

        Assert.Equal("包头市", Assert.Single(issue.Articles).Regions[0]);
    }
}
