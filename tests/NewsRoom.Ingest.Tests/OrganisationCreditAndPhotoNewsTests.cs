namespace NewsRoom.Ingest.Tests;

/// <summary>
/// Photo credits with the employer printed before the role or the supplier named with 供图, photo news whose words run
/// over more than one paragraph, and captions after a story that opened with its lead (issue 21's weak kinds).
/// </summary>
public class OrganisationCreditAndPhotoNewsTests
{
    private const string Title = "某旗举办春季植树活动";
    private const string Lead = "本报讯(记者 张敏)近日,某旗组织干部群众开展春季植树活动,共栽下苗木一万余株。";
    private const string NextTitle = "某市新建口袋公园二十个";
    private const string NextLead = "本报讯(记者 李强)今年,某市计划新建口袋公园二十个,让市民出门见绿。";

    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    private static (string Caption, List<(string, BylineRole)> Credits)? Photo(string line) =>
        Credits.ReadPhotoCredit(line) is { } p ? (p.Caption, p.Credits.Select(c => (c.Name, c.Role)).ToList()) : null;

    [Theory]
    [InlineData("会议现场,代表们认真听取报告。草原云·内蒙古新闻网记者 李晓明摄", "李晓明")]
    [InlineData("会议现场,代表们认真听取报告。  草原云·内蒙古新闻网记者 王  磊摄", "王磊")]
    [InlineData("会议现场,代表们认真听取报告。(内蒙古日报社融媒体记者钱多多摄)", "钱多多")]
    public void ReadPhotoCredit_OutletPrintedBeforeTheRole_IsThePhotographersEmployer(string line, string name)
    {
        Assert.Equal(("会议现场,代表们认真听取报告。", [(name, BylineRole.Photographer)]), Photo(line));
    }

    [Theory]
    [InlineData("(供图:某某旗旗委宣传部)", "某某旗旗委宣传部", BylineRole.Organization)]
    [InlineData("(某旗融媒体中心供图)", "某旗融媒体中心", BylineRole.Organization)]
    [InlineData("(张小明 供图)", "张小明", BylineRole.Photographer)]
    public void ReadPhotoCredit_SuppliedPhoto_CreditsItsSupplier(string line, string name, BylineRole role)
    {
        Assert.Equal((string.Empty, [(name, role)]), Photo(line));
    }

    [Fact]
    public void ReadPhotoCredit_CaptionThenSupplier_KeepsTheCaption()
    {
        Assert.Equal(("夜幕下的小镇灯火通明。", [("某某旗旗委宣传部", BylineRole.Organization)]), Photo("夜幕下的小镇灯火通明。(供图:某某旗旗委宣传部)"));
    }

    [Fact]
    public void ReadPhotoCredit_PhotographerWordBeforeATitledName_IsAPhotographerNotAReporter()
    {
        Assert.Equal((string.Empty, [("赵永红", BylineRole.Photographer)]), Photo("摄影/内蒙古日报社融媒体记者 赵永红"));
        Assert.Equal([new ParsedByline("赵永红", BylineRole.Photographer)], Credits.ReadBylineLine("摄影/内蒙古日报社融媒体记者 赵永红"));
    }

    [Fact]
    public void Parse_CaptionAndSupplierUnderAStoryThatOpenedWithItsLead_LeavesTheLeadInTheStory()
    {
        const string caption = "春耕时节,农民在田间播种。";
        var issue = Pages.Parse(Page(Title, Lead, caption, "(某旗融媒体中心供图)", NextTitle, NextLead));

        var story = Pages.Single(issue, Title);
        Assert.Equal(["近日,某旗组织干部群众开展春季植树活动,共栽下苗木一万余株。"], story.Body);
        var photo = Assert.Single(issue.Articles, a => a.Kind == ArticleKind.Photo);
        Assert.Equal(caption, Assert.Single(photo.Photos).Caption);
        Assert.Equal([new ParsedByline("某旗融媒体中心", BylineRole.Organization)], photo.Bylines);
        Assert.Equal(NextTitle, issue.Articles[^1].Headline);
    }

    [Fact]
    public void Parse_TitleWordsAndACaptionWithItsCredit_AreOnePhotoNewsItem()
    {
        const string words = "春天来了,草原上的牧民开始忙着接羔,一派繁忙景象。";
        const string caption = "牧民在棚圈里照料新生的羊羔。";
        var issue = Pages.Parse(Page("春回草原", words, caption + "  记者 乙丙 摄", NextTitle, NextLead));

        Assert.Equal(2, issue.Articles.Count);
        var photo = issue.Articles[0];
        Assert.Equal((ArticleKind.Photo, "春回草原"), (photo.Kind, photo.Headline));
        Assert.Empty(photo.Body);
        Assert.StartsWith(words + caption, Assert.Single(photo.Photos).Caption, StringComparison.Ordinal);
        Assert.Equal([new ParsedByline("乙丙", BylineRole.Photographer)], photo.Bylines);
    }

    [Fact]
    public void Parse_ShortStoryWithTextGoingOnBelowTheCaption_IsNotPhotoNews()
    {
        const string words = "春天来了,草原上的牧民开始忙着接羔。";
        const string more = "据介绍,今年全旗预计接羔五十万只,比去年增加一成。";
        var issue = Pages.Parse(Page("春回草原", words, "牧民在棚圈里照料新生的羊羔。  记者 乙丙 摄", more, NextTitle, NextLead));

        // The text going on under the caption is the story's: the title and its first words are not photo news.
        var story = Pages.Single(issue, "春回草原");
        Assert.Equal(ArticleKind.Article, story.Kind);
        Assert.Equal([words], story.Body);
    }

    [Fact]
    public void Parse_StoryClosedByAWorkCreditLineUnderABylinedStory_IsAStoryOfItsOwn()
    {
        const string words = "近日,某嘎查的易地搬迁群众陆续搬进了新居,脸上洋溢着笑容。";
        var issue = Pages.Parse(Page(Title, Lead, "搬迁群众喜迁新居", words, "文·摄影/草原云·北方新报首席记者  牛天甲", NextTitle, NextLead));

        Assert.Equal([Title, "搬迁群众喜迁新居", NextTitle], issue.Articles.Select(a => a.Headline));
        Assert.Equal([new ParsedByline("张敏", BylineRole.Reporter)], issue.Articles[0].Bylines);
        var second = issue.Articles[1];
        Assert.Equal([words], second.Body);
        Assert.Equal(["牛天甲"], second.Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_ParagraphOpeningWithItsCreditInBrackets_OpensAStoryWithThoseBylines()
    {
        const string words = "近日,某旗举办了一场那达慕,吸引了众多牧民参与。";
        var issue = Pages.Parse(Page(Title, Lead, "某旗举办冬季那达慕", "(内蒙古日报•草原全媒记者:巴图 某某旗融媒体中心记者:苏和巴特尔)" + words));

        Assert.Equal([Title, "某旗举办冬季那达慕"], issue.Articles.Select(a => a.Headline));
        var second = issue.Articles[1];
        Assert.Equal([new ParsedByline("巴图", BylineRole.Reporter), new ParsedByline("苏和巴特尔", BylineRole.Reporter)], second.Bylines);
        Assert.Equal([words], second.Body);
        Assert.Null(second.Dateline);
    }

    [Fact]
    public void ReadBylineLine_WriterAndPhotographerMarksBeforeTitles_GiveWriterAndPhotographer()
    {
        Assert.Null(Credits.ReadPhotoCredit("文/本报记者 高敏 图/本报记者 刘伟"));
        Assert.Equal(
            [new ParsedByline("高敏", BylineRole.Reporter), new ParsedByline("刘伟", BylineRole.Photographer)],
            Credits.ReadBylineLine("文/本报记者 高敏 图/本报记者 刘伟"));
    }

    [Fact]
    public void Parse_CaptionsBetweenTitleAndAWriterAndPhotographerByline_AreThePhotoSpreadsCaptions()
    {
        string[] captions = ["公园里的孩子们在放风筝。", "老人们在湖边散步。", "市民在花丛中拍照。"];
        const string text = "春风吹绿了城市的每一个角落,公园里游人如织。";
        var issue = Pages.Parse(Page(["满城春色", .. captions, "□文/图 记者 高飞", text, NextTitle, NextLead]));

        Assert.Equal(["满城春色", NextTitle], issue.Articles.Select(a => a.Headline));
        var spread = issue.Articles[0];
        Assert.Equal(captions, spread.Photos.Select(p => p.Caption));
        Assert.Equal([text], spread.Body);
        Assert.Equal(["高飞"], spread.Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_ShortParagraphsOverAPlainByline_StayTheStorysText()
    {
        string[] paragraphs = ["公园里的孩子们在放风筝。", "老人们在湖边散步。"];
        var issue = Pages.Parse(Page(["满城春色", .. paragraphs, "本报记者 高飞", "春风吹绿了城市的每一个角落。"]));

        Assert.Empty(issue.Articles.SelectMany(a => a.Photos));
    }

    [Fact]
    public void Parse_MarkedColumnNameBetweenAStoryAndATitle_IsTheColumnOfTheStoryUnderIt()
    {
        const string words = "近日,某街道对辖区内的老旧小巷进行了改造,路面平整了。(记者 赵四)";
        var issue = Pages.Parse(Page(Title, "近日,某旗召开推进会,部署下一阶段重点工作。(记者 周平)", "■民生热线", "小巷变美了", words));

        Assert.Equal([Title, "小巷变美了"], issue.Articles.Select(a => a.Headline));
        Assert.Equal([null, "■民生热线"], issue.Articles.Select(a => a.Column));
        Assert.DoesNotContain("■民生热线", issue.Articles[0].Body);
    }

    [Fact]
    public void Parse_LongTitleOverAParagraphAndACaptionedPhoto_IsAStoryWithAPhotoNotPhotoNews()
    {
        const string words = "近日,某旗召开乡村振兴推进会,部署下一阶段重点工作。";
        var issue = Pages.Parse(Page("某旗召开乡村振兴推进会", words, "会议现场,代表们认真听取报告。  记者 李磊 摄", NextTitle, NextLead));

        var story = Pages.Single(issue, "某旗召开乡村振兴推进会");
        Assert.Equal(ArticleKind.Article, story.Kind);
        Assert.Equal([words], story.Body);
    }
}
