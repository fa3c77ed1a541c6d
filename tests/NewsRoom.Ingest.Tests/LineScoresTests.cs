namespace NewsRoom.Ingest.Tests;

/// <summary>The weighed title-or-text decision of one line, on its own and with the lines around it.</summary>
public class LineScoresTests
{
    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Theory]
    [InlineData("某旗召开全年工作部署会议")]
    [InlineData("全国民族运动会:内蒙古队狂揽马上项目9金")]
    public void Shape_ShortLineWithoutSentencePunctuation_IsATitle(string line) =>
        Assert.True(LineScores.Shape(line) >= LineScores.TitleAt);

    [Theory]
    [InlineData("会议要求各部门抓好落实。")]
    [InlineData("人民日报记者、内蒙古分社社长助理  翟钦奇:")]
    [InlineData("截至目前,全旗共组建了,")]
    [InlineData("AB")]
    public void Shape_SentenceOrLeadIn_IsNeverATitle(string line) =>
        Assert.Equal(LineScores.Never, LineScores.Shape(line));

    [Theory]
    [InlineData("春耕备耕忙不忙?")]
    [InlineData("连日来,某旗干部群众植树")]
    public void Shape_CommaOrQuestionAlone_IsText(string line) =>
        Assert.True(LineScores.Shape(line) < LineScores.TitleAt);

    [Fact]
    public void Weights_CommaAndExclamationOverAByline_StillMakeATitle() =>
        Assert.True(LineScores.ShortLine + LineScores.ClauseInside + LineScores.Exclaims + LineScores.OverAByline >= LineScores.TitleAt);

    [Fact]
    public void Weights_CommaAndExclamationAfterAClosedStory_StillMakeATitle() =>
        Assert.True(LineScores.ShortLine + LineScores.ClauseInside + LineScores.Exclaims + LineScores.AfterAClosedStory >= LineScores.TitleAt);

    [Theory]
    [InlineData("(记者 王磊)", true)]
    [InlineData("今年以来,口岸向着目标冲刺。(王林喜)", true)]
    [InlineData("图为游客在冰雪乐园里游玩。 本报记者 王磊 摄", true)]
    [InlineData("今年以来,口岸向着目标冲刺。", false)]
    [InlineData("今年以来,口岸向着目标冲刺(见图)", false)]
    public void ClosesAStory_CreditsEndAStoryAndTextDoesNot(string line, bool closes) =>
        Assert.Equal(closes, LineScores.ClosesAStory(new PageLine(1, line, 1)));

    [Fact]
    public void Context_AfterAClosedStoryOverALongerParagraph_AddsItsWeight()
    {
        var credit = new PageLine(1, "(记者 王磊)", 1);
        var line = new PageLine(3, "好消息!旅游专列今夏开通,沿途停靠七站!", 1);
        var paragraph = new PageLine(5, "据介绍,专列全程运行两天,沿途停靠七个站点,游客可在站点下车游览。", 1);

        Assert.Equal(LineScores.AfterAClosedStory, LineScores.Context(line, credit, paragraph, echoed: false));
        Assert.Equal(0, LineScores.Context(line, paragraph, paragraph, echoed: false));
    }

    [Fact]
    public void Weights_ACommaLineEchoedBelow_StaysText() =>
        Assert.True(LineScores.ShortLine + LineScores.ClauseInside + LineScores.EchoedBelow < LineScores.TitleAt);

    [Fact]
    public void Parse_QuestionLineOverAByline_IsTheHeadline()
    {
        var issue = Pages.Parse(Page("植树节到了,你种树了吗?", "本报记者 张  明", "3月12日,某旗干部群众来到山头植树。"));

        Assert.Equal("植树节到了,你种树了吗?", Assert.Single(issue.Articles).Headline);
    }

    [Fact]
    public void Echoes_LeadRepeatingTheLine_IsTrueAndAnUnrelatedParagraphIsNot()
    {
        Assert.True(LineScores.Echoes("携手共建让草原声音传得更远", "4月1日上午,某市揭牌,携手共建,让草原声音传得更远。"));
        Assert.False(LineScores.Echoes("携手共建让草原声音传得更远", "3月12日,某旗干部群众来到山头植树。"));
    }
}
