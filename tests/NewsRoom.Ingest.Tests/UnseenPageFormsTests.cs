namespace NewsRoom.Ingest.Tests;

/// <summary>Forms the pages of these papers print that the seeds do not show (issue 21), each on a small page of its own.</summary>
public class UnseenPageFormsTests
{
    private const string Para1 = "日前,随着一辆满载进口煤炭的货运车辆的入境,满都拉口岸进出口货运量突破300万吨,同比增加63%。";
    private const string Para2 = "今年以来,口岸向着1000万吨年度目标冲刺,全力以赴加快推进重点项目建设。";
    private const string Para3 = "据介绍,专列全程运行两天,沿途停靠七个站点,游客可在站点下车游览。";

    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Fact]
    public void Parse_OutletLeadWithPlaceAndDate_IsADateline()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "新华网包头6月2日电 " + Para1, Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline("包头", "6月2日", "电"), a.Dateline);
        Assert.Equal([Para1, Para2], a.Body);
    }

    [Fact]
    public void Parse_BroadcastLeadWithCredit_IsADatelineOfKindXun()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "央广网包头6月2日消息(记者阿拉坦)" + Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline("包头", "6月2日", "讯"), a.Dateline);
        Assert.Equal([new ParsedByline("阿拉坦", BylineRole.Reporter)], a.Bylines);
        Assert.Equal([Para1], a.Body);
    }

    [Theory]
    [InlineData("电网企业今年新增投资12亿元,用于改造农村牧区配电线路。")]
    [InlineData("消息传来,牧民们纷纷走出家门庆祝。")]
    public void Parse_SentenceOpeningWithAnOutletLikeWord_IsNotADateline(string sentence)
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "□本报记者 李佳雨", sentence));

        var a = Assert.Single(issue.Articles);
        Assert.Null(a.Dateline);
        Assert.Equal([sentence], a.Body);
    }

    [Fact]
    public void Parse_EmployerRunIntoAName_GivesThePersonWithTheTitleBefore()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "本报讯(记者阿拉坦 满洲里电台王金玲)" + Para1));

        Assert.Equal([new ParsedByline("阿拉坦", BylineRole.Reporter), new ParsedByline("王金玲", BylineRole.Reporter)], Assert.Single(issue.Articles).Bylines);
    }

    [Fact]
    public void Parse_LongExclaimingHeadlineWithACommaAfterACreditedStory_StartsTheNextStory()
    {
        const string headline = "好消息!呼和浩特至满洲里的旅游专列今夏开通,沿途停靠七站!";
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", Para1 + "(记者 阿拉坦)", headline, Para2, Para3));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal(headline, issue.Articles[1].Headline);
        Assert.Equal([Para2, Para3], issue.Articles[1].Body);
    }

    [Fact]
    public void Parse_CommaLineAfterAnUnfinishedStory_StaysInItsText()
    {
        // The line stands after a paragraph with no credit: the same story may go on, so its shape alone decides.
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "□本报记者 李佳雨", Para1, "口岸向着目标冲刺,全力以赴", Para2));

        Assert.Single(issue.Articles);
    }

    [Fact]
    public void Parse_NamesRunTogetherInALead_AreSplitAtSurnamesWithAWarning()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "新报讯(草原全媒·北方新报首席记者查娜记者张圆蒙古乐樊文礼)" + Para1));

        Assert.Equal(["查娜", "张圆", "蒙古乐", "樊文礼"], Assert.Single(issue.Articles).Bylines.Select(b => b.Name));
        Assert.Contains(issue.Warnings, w => w.Contains("姓名连写", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_VerbCreditClosingAStory_CreditsTheStoryAbove()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "本报讯(记者 阿拉坦)" + Para1, Para2, "文·摄影/草原云·北方新报首席记者  牛天甲", "专列今夏开通", "□本报记者 李佳雨", Para3));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal([new ParsedByline("阿拉坦", BylineRole.Reporter), new ParsedByline("牛天甲", BylineRole.Reporter)], issue.Articles[0].Bylines);
        Assert.Empty(issue.Unplaced);
    }

    [Fact]
    public void Parse_AskingHeadlineWithACommaBetweenABylinedStoryAndACreditedOne_StartsTheCreditedStory()
    {
        const string headline = "草原上的新牧民,如何过上好日子?";
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "□本报记者 李佳雨", Para1, headline, Para2, Para3 + "(记者 王磊)"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal([Para1], issue.Articles[0].Body);
        Assert.Equal(headline, issue.Articles[1].Headline);
        Assert.Equal([new ParsedByline("王磊", BylineRole.Reporter)], issue.Articles[1].Bylines);
    }

    [Fact]
    public void Parse_AskingLineInsideABylinedStoryWithNoCreditBelow_StaysInTheStory()
    {
        var issue = Pages.Parse(Page("口岸货运量突破300万吨", "□本报记者 李佳雨", Para1, "草原上的新牧民,如何过上好日子?", Para2, Para3));

        Assert.Single(issue.Articles);
    }
}
