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
