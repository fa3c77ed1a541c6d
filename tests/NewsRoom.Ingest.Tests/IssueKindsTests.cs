namespace NewsRoom.Ingest.Tests;

/// <summary>
/// The kinds of page the parser missed on unseen pages (issue 21), each on a short page written here:
/// long and exclaiming headlines, a bare column word, a trailing 文·摄影 credit, photo items between
/// stories and organisation-prefixed credits.
/// </summary>
public class IssueKindsTests
{
    private const string Finished = "4月1日,某旗召开全年工作部署会议,会议对今年的重点工作作出安排。会议要求各部门抓好落实。";

    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Fact]
    public void Parse_LongHeadlineWithAColonUnderAFinishedStory_StartsANewArticle()
    {
        const string headline = "全国民族运动会:内蒙古代表队狂揽马上项目九枚金牌创造历史最好成绩";
        var issue = Pages.Parse(Page("某旗部署全年工作", "本报记者 张  明", Finished, headline, "本报讯(记者 李小红)9月28日,全国民族运动会马上项目比赛落幕,内蒙古代表队获得九枚金牌。"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal(headline, issue.Articles[1].Headline);
    }

    [Fact]
    public void Parse_ExclaimingHeadlineRepeatedByTheParagraphUnderIt_StartsANewArticle()
    {
        var issue = Pages.Parse(Page(
            "某市文明实践中心启用", Finished + "(王  斐)",
            "某旗开展植树造林活动", "3月12日,某旗干部群众来到山头植树。大家分工协作,挖坑、扶苗、培土。",
            "携手共建!让草原声音传得更远!", "4月1日上午,某市“媒体之家”揭牌,携手共建,让草原声音传得更远。", "多家媒体见证了这一时刻。"));

        Assert.Equal(3, issue.Articles.Count);
        Assert.Equal("携手共建!让草原声音传得更远!", issue.Articles[2].Headline);
        Assert.DoesNotContain(issue.Articles[1].Body, p => p.Contains("携手共建", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QuestionHeadlineOverADateline_IsAHeadline()
    {
        var issue = Pages.Parse(Page("春耕备耕忙不忙?记者走进田间地头看一看", "本报讯(记者 李小红)连日来,某旗农牧民抢抓农时,春耕备耕工作有序推进。"));

        Assert.Equal("春耕备耕忙不忙?记者走进田间地头看一看", Assert.Single(issue.Articles).Headline);
    }

    [Fact]
    public void Parse_TrailingWenSheyingCreditLine_IsTheBylineNotANewHeadline()
    {
        var issue = Pages.Parse(Page("某旗冬季那达慕开幕", Finished, "文·摄影/草原云·北方新报首席记者  牛天甲"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("某旗冬季那达慕开幕", a.Headline);
        Assert.Contains(a.Bylines, b => b.Name == "牛天甲");
    }

    [Fact]
    public void Parse_UntitledCaptionBetweenStories_IsNotSwallowedByTheStoryAbove()
    {
        var issue = Pages.Parse(Page(
            "某旗部署全年工作", "本报记者 张  明", Finished,
            "3月12日,某旗牧民在草场上放牧。", "记者 王小红 摄",
            "某市文明实践中心启用", "本报讯(记者 李小红)日前,某市新时代文明实践中心正式启用。"));

        Assert.DoesNotContain(issue.Articles[0].Bylines, b => b.Name == "王小红");
        Assert.Contains(issue.Articles, a => a.Bylines.Any(b => b.Name == "王小红"));
        Assert.Equal("某市文明实践中心启用", issue.Articles[^1].Headline);
    }

    [Fact]
    public void Parse_BriefOpeningWithAnOrganisationCreditUnpadded_TakesTheReporterAndStartsAfterIt()
    {
        var issue = Pages.Parse(Page("旗县快讯", "●(草原云·内蒙古新闻网记者周蕾)机械轰鸣作响,7月28日,某旗重点项目开工。", "●日前,某旗公布了名单。"));

        var a = issue.Articles[0];
        Assert.Equal(ArticleKind.Brief, a.Kind);
        Assert.Equal([new ParsedByline("周蕾", BylineRole.Reporter)], a.Bylines);
        Assert.StartsWith("机械轰鸣作响", a.Body[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ColumnWordAloneOverAShortHeadline_OpensAStoryInThatColumn()
    {
        var issue = Pages.Parse(Page("某旗部署全年工作", "本报记者 张  明", Finished, "视觉", "人勤春早备耕忙", "人勤春来早,春耕正当时。连日来,某旗田间地头一派繁忙景象。"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal("人勤春早备耕忙", issue.Articles[1].Headline);
        Assert.Equal("视觉", issue.Articles[1].Column);
    }

    [Fact]
    public void Parse_PhotoNewsBetweenStories_IsAnItemOfItsOwn()
    {
        var issue = Pages.Parse(Page(
            "某旗部署全年工作", "本报记者 张  明", Finished,
            "冬日草原", "图为某旗牧民赶着羊群转场。 记者 王小红 摄",
            "某市文明实践中心启用", "本报讯(记者 李小红)日前,某市新时代文明实践中心正式启用。"));

        Assert.Equal(3, issue.Articles.Count);
        var photo = issue.Articles[1];
        Assert.Equal(ArticleKind.Photo, photo.Kind);
        Assert.Contains(photo.Bylines, b => b.Name == "王小红" && b.Role == BylineRole.Photographer);
        Assert.DoesNotContain(issue.Articles[0].Bylines, b => b.Name == "王小红");
    }

    [Fact]
    public void Parse_PhotoNewsWithItsCreditOnALineOfItsOwnBetweenStories_IsAnItemOfItsOwn()
    {
        var issue = Pages.Parse(Page(
            "某旗部署全年工作", "本报记者 张  明", Finished,
            "冬日草原", "图为某旗牧民赶着羊群转场。", "本报记者 王小红 摄",
            "某市文明实践中心启用", "本报讯(记者 李小红)日前,某市新时代文明实践中心正式启用。"));

        Assert.Equal(3, issue.Articles.Count);
        Assert.Equal(ArticleKind.Photo, issue.Articles[1].Kind);
        Assert.Equal("冬日草原", issue.Articles[1].Photos[0].Title);
        Assert.DoesNotContain(issue.Articles[0].Body, p => p.Contains("冬日草原", StringComparison.Ordinal));
    }
}
