namespace NewsRoom.Web.Tests;

/// <summary>The plain-text start of a body that lists, descriptions and feeds show.</summary>
public class SummaryTests
{
    [Theory]
    [InlineData(null, 10, "")]
    [InlineData("", 10, "")]
    [InlineData("  \n\r\n  ", 10, "")]
    [InlineData("草原\n\n  牧民  \r\n搬新家", 20, "草原 牧民 搬新家")]
    [InlineData("## 标题\n**重点**来了", 20, "标题 重点来了")]
    [InlineData("| 旗县 | 产量 |\n| --- | --- |\n正文", 20, "正文")]
    [InlineData("一二三四五", 5, "一二三四五")]
    [InlineData("一二三四五六", 5, "一二三四五…")]
    [InlineData("一二三四五\n六", 5, "一二三四五…")]
    [InlineData("一二三四五\n**", 5, "一二三四五")]
    [InlineData("甲\n***\n乙", 5, "甲 乙")]
    [InlineData("一二\n三四五六七", 5, "一二 三四…")]
    public void Summary_JoinsTextLines_DropsMarksAndTables_AndCutsAtTheLength(string? body, int length, string expected) =>
        Assert.Equal(expected, ReaderPages.Summary(body, length));
}
