namespace NewsRoom.Ingest.Tests;

/// <summary>
/// Credit forms, photo news and sub-heads that pages of these papers print and the seeds do not (issue 21, continued),
/// each on a small page of its own.
/// </summary>
public class PhotoAndCrossheadFormsTests
{
    private const string Lead = "本报讯(记者 王磊)3月11日,呼和浩特市在大青山南坡开展春季义务植树活动,共栽下各类苗木两万余株。";
    private const string Para1 = "据了解,今年全市计划完成营造林面积30万亩,重点推进城市周边绿化和黄河沿岸生态修复。";
    private const string Para2 = "活动现场,志愿者们分工协作,挖坑、扶苗、培土、浇水,一派热火朝天的景象。";
    private const string Para3 = "各区结合实际,同步推进停车位、充电桩、养老托育等配套设施建设。";
    private const string NextTitle = "包头市新建口袋公园20个";
    private const string NextLead = "本报讯(记者 张敏)今年,包头市计划新建口袋公园20个,让市民出门见绿、推窗见景。";

    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Fact]
    public void Parse_AuthorWordBeforeNames_IsABylineOfAuthors()
    {
        var issue = Pages.Parse(Page("鄂尔多斯市多措并举稳就业", "作者 张玮 时秀霞", Para1, Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("鄂尔多斯市多措并举稳就业", a.Headline);
        Assert.Equal([new ParsedByline("张玮", BylineRole.Author), new ParsedByline("时秀霞", BylineRole.Author)], a.Bylines);
        Assert.Equal([Para1, Para2], a.Body);
    }

    [Fact]
    public void Parse_PhotographerWordBeforeAName_IsAPhotographersByline()
    {
        var issue = Pages.Parse(Page("夏日鄂尔多斯", "摄影 张伟", Para1));

        Assert.Equal([new ParsedByline("张伟", BylineRole.Photographer)], Assert.Single(issue.Articles).Bylines);
    }

    [Fact]
    public void Parse_PhotoReportCreditUnderATitle_OpensTheNextStoryWithItsPhotographer()
    {
        var issue = Pages.Parse(Page("呼和浩特市开展春季植树造林活动", Lead, Para1, "乌海市黄河湿地迎来候鸟", "◎记者 李强 摄影报道", Para2, Para3));

        Assert.Equal(2, issue.Articles.Count);
        var second = issue.Articles[1];
        Assert.Equal("乌海市黄河湿地迎来候鸟", second.Headline);
        Assert.Equal([new ParsedByline("李强", BylineRole.Photographer)], second.Bylines);
        Assert.Equal([Para2, Para3], second.Body);
    }

    [Fact]
    public void Parse_PhotoNewsWithItsCreditBetweenTitleAndCaption_IsNotASubheadOfTheStoryAbove()
    {
        const string caption = "9月2日,在兴安盟扎赉特旗,农民驾驶收割机收获水稻。今年当地水稻喜获丰收。";
        var issue = Pages.Parse(Page("呼和浩特市开展春季植树造林活动", Lead, Para1, "秋收时节", "本报记者 赵敏 摄", caption, NextTitle, NextLead));

        Assert.Equal(["呼和浩特市开展春季植树造林活动", "秋收时节", NextTitle], issue.Articles.Select(a => a.Headline));
        Assert.Equal([Para1], issue.Articles[0].Body.Skip(1));
        Assert.Contains(new ParsedByline("赵敏", BylineRole.Photographer), issue.Articles[1].Bylines);
    }

    [Theory]
    [InlineData("10月7日,大批候鸟在多伦县湖泊湿地栖息觅食,生态环境不断改善。王芳摄", "王芳")]
    [InlineData("10月7日,大批候鸟在多伦县湖泊湿地栖息觅食,生态环境不断改善。记者刘伟摄", "刘伟")]
    [InlineData("10月7日,大批候鸟在多伦县湖泊湿地栖息觅食,生态环境不断改善。记者 刘伟 摄", "刘伟")]
    public void Parse_CreditRunIntoTheCaptionsLastSentence_MakesPhotoNews(string caption, string photographer)
    {
        var issue = Pages.Parse(Page("呼和浩特市开展春季植树造林活动", Lead, Para1, "多伦县湖泊迎来候鸟", caption, NextTitle, NextLead));

        Assert.Equal(3, issue.Articles.Count);
        var photo = issue.Articles[1];
        Assert.Equal(ArticleKind.Photo, photo.Kind);
        Assert.Equal("多伦县湖泊迎来候鸟", photo.Headline);
        Assert.Equal([new ParsedByline(photographer, BylineRole.Photographer)], Assert.Single(photo.Photos).Credits);
    }

    [Fact]
    public void Parse_SentenceEndingInAVerbOfPhotographing_IsNotACredit()
    {
        // 请勿拍摄 after a full stop: 请 is no surname, so the words stay the story's.
        const string sentence = "景区内设有多处文物保护点。请勿拍摄";
        var issue = Pages.Parse(Page("呼和浩特市开展春季植树造林活动", Lead, Para1 + sentence));

        var a = Assert.Single(issue.Articles);
        Assert.Empty(a.Photos);
        Assert.EndsWith("请勿拍摄", a.Body[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParagraphsAfterAStorysOwnCredit_AreAnUntitledPhotoItem()
    {
        const string first = "9月8日,在乌拉特中旗海流图镇,农民在晾晒辣椒。";
        const string second = "金秋时节,当地辣椒迎来丰收,农民们忙着采摘、晾晒,处处是丰收的喜悦。  记者 张丽 摄";
        var issue = Pages.Parse(Page("临河区开展秋季造林", Para1 + "(临河区融媒体中心)", first, second, NextTitle, NextLead));

        Assert.Equal(3, issue.Articles.Count);
        Assert.StartsWith(Para1, Assert.Single(issue.Articles[0].Body), StringComparison.Ordinal);
        var photo = issue.Articles[1];
        Assert.Equal(ArticleKind.Photo, photo.Kind);
        Assert.StartsWith(first, Assert.Single(photo.Photos).Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CaptionCreditedToTheStorysOwnReporter_IsThatStorysPhoto()
    {
        var issue = Pages.Parse(Page("呼和浩特市开展春季植树造林活动", Lead, "图为志愿者在栽种树苗。 王磊 摄", NextTitle, NextLead));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal([new ParsedByline("王磊", BylineRole.Photographer)], Assert.Single(issue.Articles[0].Photos).Credits);
    }

    [Fact]
    public void Parse_ParallelSubheadsInABylinedStory_StayInIt()
    {
        var issue = Pages.Parse(Page("我市推进老旧小区改造提质增效", Lead, "加装电梯 方便群众出行", Para1, "完善配套 提升居住品质", Para2, NextTitle, NextLead));

        Assert.Equal(["我市推进老旧小区改造提质增效", NextTitle], issue.Articles.Select(a => a.Headline));
        Assert.Equal(5, issue.Articles[0].Body.Count);
        Assert.Equal("完善配套 提升居住品质", issue.Articles[0].Body[3]);
    }

    [Theory]
    [InlineData("(一)坚持规划先行")]
    [InlineData("1.良种繁育体系日益完善")]
    [InlineData("□抢抓农时")]
    public void Parse_NumberedSubhead_StaysAParagraphOfItsOwn(string subhead)
    {
        var issue = Pages.Parse(Page("我市推进老旧小区改造提质增效", Lead, subhead, Para1, Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(subhead, a.Body[1]);
        Assert.Equal(Para1, a.Body[2]);
    }

    [Fact]
    public void Parse_WholeRegionStoryDatelinedInTheCapital_HasNoPrimaryRegion()
    {
        const string lead = "本报呼和浩特5月5日讯  (记者 刘洋)记者从自治区农牧厅获悉,截至5月5日,全区已完成春播面积5000万亩,进度过半。";
        const string list = "在通辽市、赤峰市、呼伦贝尔市、兴安盟,各地农机手加紧作业;巴彦淖尔市、乌兰察布市推广节水灌溉技术。";
        var issue = Pages.Parse(Page("全区春播进度过半", lead, list));

        Assert.Empty(Assert.Single(issue.Articles).Regions);
    }
}
