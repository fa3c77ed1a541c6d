namespace NewsRoom.Ingest.Tests;

/// <summary>
/// Pages written by hand in the style of the regional papers (内蒙古日报, 呼和浩特日报, 包头日报, 鄂尔多斯日报,
/// 北方新报), none of them a seed: stacked titles, padded names, datelines, trailing and photo credits, brief
/// columns, tables, page furniture and OCR damage. pages/pages-gold.json holds the articles expected of them,
/// in the seeds' gold format (a 副题 is folded into the headline, as that format has no field for it).
/// </summary>
public class RegionalPageTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "pages");

    private static readonly GoldSet Set = new(Path.Combine(Dir, "pages-gold.json"), Dir);

    public static TheoryData<int> GoldItems() => Set.Indexes();

    public static TheoryData<string> PageNames() => Set.Files();

    [Theory]
    [MemberData(nameof(GoldItems))]
    public void Parse_RegionalPageItem_IsFoundWithItsBylinesRegionAndText(int index) => Set.AssertItem(index);

    [Fact]
    public void Parse_RegionalPages_GiveNoItemsBeyondTheGold() => Assert.Empty(Set.Extra());

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Parse_RegionalPage_LosesNoLineAndPlacesAllText(string file)
    {
        var issue = Set.Parsed[file];
        Assert.Empty(LostLines.Find(issue, Set.Text(file)));
        Assert.Empty(issue.Unplaced);
    }

    [Fact]
    public void Parse_PaddedTwoCharacterNames_AreOneName()
    {
        var issue = Set.Parsed["p1_nmgrb_yaowen.txt"];
        var a = Pages.Single(issue, "再添");
        Assert.Contains(a.Bylines, b => b.Name == "苏晴" && b.Role == BylineRole.Intern);
        Assert.Equal("包头", a.Dateline?.Place);
    }

    [Fact]
    public void Parse_HeaderStartingWithPaperName_IsFurniture()
    {
        var issue = Set.Parsed["p3_btrb.txt"];
        Assert.Contains(issue.Furniture, f => f.StartsWith("包头日报 2024年6月5日", StringComparison.Ordinal));
        Assert.Equal("特别关注", Pages.Single(issue, "开门红").Column);
    }

    [Fact]
    public void Parse_ColumnWordOverBriefs_NamesTheBriefsOnly()
    {
        var issue = Set.Parsed["p5_bfxb.txt"];
        Assert.Equal(3, issue.Articles.Count(a => a.Kind == ArticleKind.Brief && a.Column == "简讯"));
        Assert.Null(Pages.Single(issue, "智慧医疗").Column);
    }

    [Fact]
    public void Parse_CaptionCuttingASentence_IsItsOwnPhotoAndTheStoryGoesOn()
    {
        var issue = Set.Parsed["p4_ordosrb.txt"];
        var story = Pages.Single(issue, "东胜区老旧管网");
        Assert.Equal(ArticleKind.Article, story.Kind);
        Assert.Contains("安排工期，错峰作业", string.Concat(story.Body), StringComparison.Ordinal);
        var photo = Assert.Single(issue.Articles, a => a.Kind == ArticleKind.Photo && a.Headline is null);
        Assert.Contains(photo.Bylines, b => b.Name == "王鹏" && b.Role == BylineRole.Photographer);
    }

    [Fact]
    public void Parse_ContinuedFromLine_IsNotBodyText()
    {
        var issue = Set.Parsed["p5_bfxb.txt"];
        var a = Pages.Single(issue, "最后一公里");
        Assert.DoesNotContain("上接", string.Concat(a.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainHeadlineAfterABylinedStory_StartsAStoryWhenACreditCloses()
    {
        var issue = Set.Parsed["p7_hhhtrb_shoufu.txt"];
        var first = Pages.Single(issue, "口袋公园");
        Assert.Equal(["武艳"], first.Bylines.Select(b => b.Name));
        var next = Pages.Single(issue, "夏季消防安全检查");
        Assert.Equal(["朝鲁"], next.Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_AmbiguousDistrict_ResolvesToTheCityThePageIsAbout()
    {
        var issue = Set.Parsed["p7_hhhtrb_shoufu.txt"];
        Assert.Equal("呼和浩特市", Pages.Single(issue, "非遗文化展演").Regions[0]);
    }

    [Fact]
    public void Parse_ReporterTitleRunIntoAColumnName_IsNotAByline()
    {
        var issue = Set.Parsed["p8_nmgrb_tupian.txt"];
        var a = Pages.Single(issue, "流动课堂");
        Assert.Equal(["乌日娜"], a.Bylines.Select(b => b.Name));
        Assert.Equal("记者走基层", a.Column);
    }

    [Fact]
    public void Parse_DebrisRightAboveAHeadline_IsStrayAndTheStoryStands()
    {
        const string page = "鄂尔多斯日报 第3版 要闻 编 辑 高 娃\n呼和浩特新增公共充电桩3000个\n\n"
            + "今年以来，呼和浩特市新增公共充电桩3000个，全市公共充电桩总数达到1.2万个。\n\n下一步，将继续推进充电设施建设。\n\n（张 强）\n";
        var issue = Pages.Parse(page);
        var a = Pages.Single(issue, "新增公共充电桩");
        Assert.Equal(2, a.Body.Count);
        Assert.Equal(["张强"], a.Bylines.Select(b => b.Name));
        Assert.Equal(["鄂尔多斯日报 第3版 要闻 编 辑 高 娃"], issue.Unplaced);
        Assert.Empty(LostLines.Find(issue, page));
    }
}
