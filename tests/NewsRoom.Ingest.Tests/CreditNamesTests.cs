namespace NewsRoom.Ingest.Tests;

/// <summary>Credits with employers, run-together names and 文/ 图/ marks.</summary>
public class CreditNamesTests
{
    private static List<(string, BylineRole)>? Names(string text) =>
        Credits.ReadNames(text)?.Select(b => (b.Name, b.Role)).ToList();

    [Fact]
    public void ReadNames_EmployerBeforeTheRole_IsNotAName()
    {
        Assert.Equal([("冯雪玉", BylineRole.MediaReporter)], Names("内蒙古日报社融媒体记者 冯雪玉"));
        Assert.Equal([("高原", BylineRole.Reporter)], Names("草原云·北方新报首席记者 高原"));
    }

    [Fact]
    public void ReadNames_RolesWithColons_GiveEachPersonTheirRole()
    {
        Assert.Equal(
            [("巴图", BylineRole.Reporter), ("苏和巴特尔", BylineRole.Reporter)],
            Names("内蒙古日报•草原全媒记者:巴图 某某旗融媒体中心记者:苏和巴特尔"));
    }

    [Fact]
    public void ReadNames_NamesRunTogetherBetweenRoles_AreSplitAtTheRoles()
    {
        Assert.Equal([("王明", BylineRole.Reporter), ("李强", BylineRole.Intern)], Names("记者王明实习生李强"));
    }

    [Fact]
    public void ReadNames_LongRunOfNamesAfterARole_IsSplitBySurnameAndCounted()
    {
        var before = Credits.GuessedSplits;

        var names = Names("首席记者张明记者王小红李大伟");

        Assert.Equal([("张明", BylineRole.Reporter), ("王小红", BylineRole.Reporter), ("李大伟", BylineRole.Reporter)], names);
        Assert.Equal(before + 1, Credits.GuessedSplits);
    }

    [Fact]
    public void ReadNames_WriterAndPhotographerMarks_GiveWriterAndPhotographer()
    {
        Assert.Equal(
            [("张三", BylineRole.Reporter), ("李四", BylineRole.InternReporter), ("王五", BylineRole.Photographer)],
            Names("本报记者 张三 实习记者 李四/文 王五/图"));
    }

    [Theory]
    [InlineData("文/王小梅", "王小梅", BylineRole.Author)]
    [InlineData("摄影/赵  刚", "赵刚", BylineRole.Photographer)]
    [InlineData("文·摄影/草原云·北方新报首席记者  刘一鸣", "刘一鸣", BylineRole.Reporter)]
    [InlineData("通讯员:高山 文/图", "高山", BylineRole.Correspondent)]
    [InlineData("内蒙古日报社融媒体记者 冯雪玉", "冯雪玉", BylineRole.MediaReporter)]
    public void ReadBylineLine_CreditForms_GiveTheName(string line, string name, BylineRole role)
    {
        var names = Credits.ReadBylineLine(line);

        Assert.NotNull(names);
        Assert.Equal(new ParsedByline(name, role), names[0]);
    }

    [Theory]
    [InlineData("记者了解到,该项目今年开工。")]
    [InlineData("文化赋能乡村振兴")]
    public void ReadBylineLine_BodyText_IsNotACredit(string line) => Assert.Null(Credits.ReadBylineLine(line));

    [Fact]
    public void ReadDateline_SpacesBeforeTheBrackets_StillReadTheCredit()
    {
        var m = Credits.ReadDateline("本报包头7月3日电  (记者  韩  旺)近日,项目开工。");

        Assert.NotNull(m);
        Assert.Equal([new ParsedByline("韩旺", BylineRole.Reporter)], m.Credits);
        Assert.Equal("近日,项目开工。", m.Rest);
    }

    [Fact]
    public void Parse_NamesRunTogetherInADateline_WarnInChineseWithTheLine()
    {
        var issue = Pages.Parse("某旗举办冬季那达慕\n\n新报讯(首席记者张明记者王小红李大伟)1月5日,那达慕在某旗开幕。\n");

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["张明", "王小红", "李大伟"], a.Bylines.Select(b => b.Name));
        Assert.Contains("第3行：署名中的姓名连写，已按常见姓氏拆分，请核对", issue.Warnings);
    }
}
