namespace NewsRoom.Web.Tests;

public class DisplayTitlesTests
{
    [Fact]
    public void Brief_DisplayTitle_NeverStartsWithItsCredit()
    {
        var title = DisplayTitles.Derive(ArticleKind.Brief, "(草原云·内蒙古新闻网记者周蕾)机械轰鸣，塔吊林立，呼和浩特市重点项目建设现场一派繁忙景象。");

        Assert.Equal("简讯｜机械轰鸣，塔吊林立", title);
    }

    [Theory]
    [InlineData("● （本报记者 王中宙）日前，乌审旗禁毒办举办禁毒宣传月启动仪式。", "简讯｜乌审旗禁毒办举办禁毒宣传月启动仪式")]
    [InlineData("本报包头6月2日电 包头市今年新建改建城市道路三十条。", "简讯｜包头市今年新建改建城市道路三十条")]
    public void Brief_LeavesOutMarkerDatelineAndTimeLeadIn(string body, string expected) =>
        Assert.Equal(expected, DisplayTitles.Derive(ArticleKind.Brief, body));

    [Fact]
    public void PhotoNews_TakesTheCaptionsOpeningWords_CutAtAWordNotInsideAQuote()
    {
        var title = DisplayTitles.Derive(ArticleKind.Photo,
            "5月9日晚，“唱响北疆”内蒙古新星新作演唱会在内蒙古体育馆火爆唱响。演唱会以新人演绎新作的方式展现北疆魅力。");

        Assert.Equal("图片新闻｜“唱响北疆”内蒙古新星新作演唱会…", title);
    }

    [Fact]
    public void LongClause_IsCutAfterAClosedQuote()
    {
        var words = DisplayTitles.OpeningWords("乌审旗禁毒办近日举办2022年“全民禁毒宣传月”系列活动启动仪式。");

        Assert.Equal("乌审旗禁毒办近日举办2022年“全民禁毒宣传月”…", words);
    }

    [Fact]
    public void LongClause_IsCutBeforeAnOpeningQuote_WhenItsCloseIsTooFar()
    {
        var words = DisplayTitles.OpeningWords("呼和浩特市新城区今年开展“我为群众办实事暨社区服务提升年”专项行动。");

        Assert.Equal("呼和浩特市新城区今年开展…", words);
    }

    [Fact]
    public void PrintedHeadline_IsKept_AndEmptyTextStillGivesATitle()
    {
        Assert.Equal("印刷标题", DisplayTitles.For("印刷标题", ArticleKind.Photo, "说明"));
        Assert.Equal("图片新闻", DisplayTitles.For(null, ArticleKind.Photo, ""));
        Assert.Equal("简讯", DisplayTitles.For("  ", ArticleKind.Brief, null));
    }
}
