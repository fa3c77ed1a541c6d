namespace NewsRoom.Ingest.Tests;

/// <summary>One small page per construct of the requirement (issue 3).</summary>
public class ConstructTests
{
    private const string Para1 = "日前,随着一辆满载进口煤炭的货运车辆的入境,满都拉口岸进出口货运量突破300万吨,同比增加63%。";
    private const string Para2 = "今年以来,口岸向着1000万吨年度目标冲刺,全力以赴加快推进重点项目建设。";

    private static string Page(params string[] lines) => string.Join("\n\n", lines) + "\n";

    [Fact]
    public void Parse_DatelineWithPlace_GivesPlaceDateAndKind()
    {
        var issue = Pages.Parse(Page("满都拉口岸进出口货运量突破300万吨", "本报包头6月2日电(记者 格日勒图)" + Para1, Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline("包头", "6月2日", "电"), a.Dateline);
        Assert.Equal([new ParsedByline("格日勒图", BylineRole.Reporter)], a.Bylines);
        Assert.StartsWith("日前,随着", a.Body[0], StringComparison.Ordinal);
        Assert.Equal("包头市", a.Regions[0]);
    }

    [Fact]
    public void Parse_DatelineWithoutPlace_GivesInternReporter()
    {
        var issue = Pages.Parse(Page("音乐季《不朽的柴可夫斯基》奏响青城", "本报讯(实习记者 刘艳霞)5月10日晚,音乐会在内蒙古艺术剧院音乐厅奏响。"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline(null, null, "讯"), a.Dateline);
        Assert.Equal([new ParsedByline("刘艳霞", BylineRole.InternReporter)], a.Bylines);
        Assert.Equal("5月10日晚,音乐会在内蒙古艺术剧院音乐厅奏响。", a.Body[0]);
    }

    [Fact]
    public void Parse_DatelineWithoutCredit_KeepsTheLineAsPrinted()
    {
        var issue = Pages.Parse(Page("## 九原区 获批国家农村产业融合发展示范园", "本报包头6月30日电 国家发改委日前发布了认定名单,包头市九原区示范园上榜。(融媒体记者 刘向平)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline("包头", "6月30日", "电"), a.Dateline);
        Assert.StartsWith("国家发改委", a.Body[0], StringComparison.Ordinal);
        Assert.Contains(a.AsPrinted, s => s.StartsWith("本报包头6月30日电 国家发改委", StringComparison.Ordinal));
        Assert.Equal([new ParsedByline("刘向平", BylineRole.MediaReporter)], a.Bylines);
    }

    [Fact]
    public void Parse_BylineWithTitles_GivesEachPersonTheirRole()
    {
        var issue = Pages.Parse(Page("社区治理引入“源头活水”", "□本报记者 李玉琢 实习生 李诗诺", Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal([new ParsedByline("李玉琢", BylineRole.Reporter), new ParsedByline("李诗诺", BylineRole.Intern)], a.Bylines);
        Assert.Equal([Para1], a.Body);
    }

    [Theory]
    [InlineData("□本报融媒体记者 郭洪申 通讯员 美丽", "郭洪申", BylineRole.MediaReporter)]
    [InlineData("□北方新报融媒体记者 郭洪申", "郭洪申", BylineRole.MediaReporter)]
    [InlineData("●本报记者 阿柔娜", "阿柔娜", BylineRole.Reporter)]
    [InlineData("□本报特派记者 阿柔娜", "阿柔娜", BylineRole.Reporter)]
    [InlineData("□本报首席记者 阿柔娜", "阿柔娜", BylineRole.Reporter)]
    [InlineData("□草原全媒记者 阿柔娜", "阿柔娜", BylineRole.Reporter)]
    public void Parse_BylineTitle_MapsToThePrintedRole(string byline, string name, BylineRole role)
    {
        var issue = Pages.Parse(Page("铺就“葱”满希望的致富路", byline, Para1));

        Assert.Contains(new ParsedByline(name, role), Assert.Single(issue.Articles).Bylines);
    }

    [Fact]
    public void Parse_TrailingCredits_GiveAuthorsOrganisationsAndTitledNames()
    {
        var issue = Pages.Parse(Page(
            "庭院“方寸地”变成村民增收“聚宝盆”", Para1, "(王林喜)",
            "【云观察】",
            "●乌海市海南区纪委监委日前联合区妇联组织开展家庭助廉活动。(海南区融媒体中心)",
            "●前不久,镶黄旗乌兰牧骑以线上直播的形式为群众送去欢乐。(镶黄旗融媒体中心 都日娜)",
            "【云听】",
            "## 老旧小区改造提升“面子”修复“里子”",
            "今年,乌海市海南区老旧小区改造工程共涉及5个小区。(融媒体记者 郝颀 实习生 陈洋)"));

        Assert.Equal([new ParsedByline("王林喜", BylineRole.Author)], Pages.Single(issue, "聚宝盆").Bylines);
        var briefs = issue.Articles.Where(a => a.Kind == ArticleKind.Brief).ToList();
        Assert.Equal([new ParsedByline("海南区融媒体中心", BylineRole.Organization)], briefs[0].Bylines);
        Assert.Equal([new ParsedByline("镶黄旗融媒体中心", BylineRole.Organization), new ParsedByline("都日娜", BylineRole.Author)], briefs[1].Bylines);
        Assert.Equal([new ParsedByline("郝颀", BylineRole.MediaReporter), new ParsedByline("陈洋", BylineRole.Intern)], Pages.Single(issue, "老旧小区").Bylines);
    }

    [Fact]
    public void Parse_BracketsInsideASentence_AreNotACredit()
    {
        var issue = Pages.Parse(Page("全区住建系统活动启动", "本报讯(记者 李永桃)自治区住建厅在基地工程(综合保障楼)一期项目现场举行启动仪式,内容包括(应急演练)"));

        Assert.Equal(["李永桃"], Assert.Single(issue.Articles).Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_PersonNamedTwice_IsListedOnce()
    {
        var issue = Pages.Parse(Page("以“两高”为目标全力优化营商环境", Para1 + "(潘生富 田芳)", Para2 + "(潘生富 田芳)"));

        Assert.Equal(["潘生富", "田芳"], Assert.Single(issue.Articles).Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_PhotoNews_GivesTitleCaptionAndPhotographers()
    {
        var issue = Pages.Parse(Page("\n\n奔跑吧·少年", "6月2日,小运动员们在跳街舞。当日,主题健身活动在内蒙古体育馆启动。", "本报记者 孟和朝鲁 柴思源 摄"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(ArticleKind.Photo, a.Kind);
        var photo = Assert.Single(a.Photos);
        Assert.Equal("奔跑吧·少年", photo.Title);
        Assert.StartsWith("6月2日,小运动员们", photo.Caption, StringComparison.Ordinal);
        Assert.Equal([new ParsedByline("孟和朝鲁", BylineRole.Photographer), new ParsedByline("柴思源", BylineRole.Photographer)], a.Bylines);
    }

    [Fact]
    public void Parse_CaptionWithCreditOnOneLine_IsPhotoNews()
    {
        var issue = Pages.Parse(Page("保障用电设备健康上岗", "为助力企业开足马力生产,呼和浩特供电公司对企业配电室进行全面“体检”。 郭成 摄影报道"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(ArticleKind.Photo, a.Kind);
        Assert.Equal([new ParsedByline("郭成", BylineRole.Photographer)], a.Bylines);
        Assert.Equal("呼和浩特市", a.Regions[0]);
    }

    [Fact]
    public void Parse_KickerAndHeadlineOnOneLine_AreSplit()
    {
        var issue = Pages.Parse(Page("出口贸易值超5亿元 满洲里公路口岸一季度出口果蔬喜迎开门红", Para1 + "(甘泽)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("出口贸易值超5亿元", a.Kicker);
        Assert.Equal("满洲里公路口岸一季度出口果蔬喜迎开门红", a.Headline);
        Assert.Equal("呼伦贝尔市", a.Regions[0]);
    }

    [Fact]
    public void Parse_TwoBalancedPhrases_AreOneHeadline()
    {
        var issue = Pages.Parse(Page("聆听青春之声 感悟思想伟力", Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Null(a.Kicker);
        Assert.Equal("聆听青春之声 感悟思想伟力", a.Headline);
    }

    [Fact]
    public void Parse_KickerSubheadlineStack_TakesTheLongestLineAsHeadline()
    {
        var issue = Pages.Parse(Page("推动铸牢中华民族共同体意识走深走实", "我市10家单位被授予“铸牢中华民族共同体意识教育实践基地”称号", "本报讯(记者 吕会生)" + Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("推动铸牢中华民族共同体意识走深走实", a.Kicker);
        Assert.StartsWith("我市10家单位", a.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlaceLabelBeforeHeadline_IsATagNotPartOfTheHeadline()
    {
        var issue = Pages.Parse(Page("## 【云听】", "## 九原区 获批国家农村产业融合发展示范园", Para1 + "(融媒体记者 刘向平)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("获批国家农村产业融合发展示范园", a.Headline);
        Assert.Equal(["九原区"], a.Tags);
        Assert.Equal("【云听】", a.Column);
        Assert.Equal("包头市", a.Regions[0]);
        Assert.Contains("九原区", a.Places);
    }

    [Fact]
    public void Parse_SubheadInsideStory_IsNotANewArticle()
    {
        var issue = Pages.Parse(Page("特别关注", "暖“新”聚合力 激发基层治理新动能", Para1, "暖“新”党建联盟激活发展引擎", Para2, "(周文东 邢皓)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("特别关注", a.Column);
        Assert.Equal([Para1, "暖“新”党建联盟激活发展引擎", Para2], a.Body.Take(3));
        Assert.Equal(2, a.Bylines.Count);
    }

    [Fact]
    public void Parse_ReportersNotesAndComment_BelongToTheStoryAbove()
    {
        var issue = Pages.Parse(Page("“共治共享”为社区治理引入“源头活水”", "□本报记者 李玉琢", Para1, "【记者手记】", Para2, "【点评】", "一切为了人民,一切依靠人民。"));

        var a = Assert.Single(issue.Articles);
        Assert.Contains("【记者手记】", a.Body);
        Assert.Equal("一切为了人民,一切依靠人民。", a.Body[^1]);
        Assert.Null(a.Column);
    }

    [Fact]
    public void Parse_ColumnLabel_AppliesToTheStoriesThatFollowIt()
    {
        var issue = Pages.Parse(Page("地方观察", "出口贸易值超5亿元 满洲里口岸出口果蔬喜迎开门红", Para1 + "(甘泽)", "创新形式 草原孩子心向党 千里研学赴北京", Para2 + "(武峰 刘宏杰)", "\n\n让浩瀚沙海成为金山银山", "赤峰市稳步推进防沙治沙工作。(郭成)"));

        Assert.Equal(["地方观察", "地方观察", null], issue.Articles.Select(a => a.Column));
        Assert.Equal("创新形式", issue.Articles[1].Kicker);
    }

    [Fact]
    public void Parse_Briefs_AreItemsOfTheirOwnWithCreditsAndRegions()
    {
        var issue = Pages.Parse(Page(
            "## 【云观察】",
            "●连日来,开鲁县东来镇新时代文明实践所组织党员志愿者深入一线开展宣传活动。(开鲁县融媒体中心)",
            "●乌审旗禁毒办近日举办2022年“全民禁毒宣传月”系列活动启动仪式。(苏日格其其格)"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.All(issue.Articles, a => Assert.Equal(ArticleKind.Brief, a.Kind));
        Assert.All(issue.Articles, a => Assert.Equal("【云观察】", a.Column));
        Assert.Equal(["通辽市", "鄂尔多斯市"], issue.Articles.Select(a => a.Regions[0]));
        Assert.StartsWith("连日来", issue.Articles[0].Body[0], StringComparison.Ordinal);
        Assert.Equal(BylineRole.Author, issue.Articles[1].Bylines[0].Role);
    }

    [Fact]
    public void Parse_TabSeparatedLines_BecomeOneMarkdownTable()
    {
        var issue = Pages.Parse(Page("十三届市委第五轮巡察完成进驻", Para1) + "\n组 别\t组 长\t巡察对象\n第一巡察组\t王雁麟\t市委老干部局\n\t\t市交通运输局\n");

        var a = Assert.Single(issue.Articles);
        var table = a.Body[^1];
        Assert.Equal("| 组别 | 组长 | 巡察对象 |\n| --- | --- | --- |\n| 第一巡察组 | 王雁麟 | 市委老干部局 |\n|  |  | 市交通运输局 |", table);
    }

    [Fact]
    public void Parse_ParagraphBrokenAcrossColumns_IsRejoined()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", "电池铝箔是构成新能源汽车动力电池的关键材料,决定着电池", "充放电效率。与普通铝箔相比,电池铝箔对基材要求极其严苛。", Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["电池铝箔是构成新能源汽车动力电池的关键材料,决定着电池充放电效率。与普通铝箔相比,电池铝箔对基材要求极其严苛。", Para2], a.Body);
    }

    [Fact]
    public void Parse_RepeatedBlock_AppearsOnce()
    {
        var issue = Pages.Parse(Page("“工业+旅游”赋能文旅高质量发展", Para1, Para2, Para1 + "(武峰 郭伟伟)"));

        var a = Assert.Single(issue.Articles);
        Assert.Single(a.Body, p => p.StartsWith("日前,随着", StringComparison.Ordinal));
        Assert.Contains(issue.Warnings, w => w.StartsWith("第3行：与第7行重复，保留一次", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadlineAndBylinePrintedAfterTheirStory_GoBackWithIt()
    {
        var issue = Pages.Parse(Page(
            "“共治共享”为社区治理引入“源头活水”", "□本报记者 李玉琢",
            "满洲里立足边境口岸实际,精心布局社区网格,为社区治理引入了“源头活水”。",
            "“党的二十大对全面推进乡村振兴作出重大决策部署,全区乡村振兴部门坚决贯彻落实。”日前,自治区乡村振兴局负责人表示。",
            "全区乡村振兴系统聚焦“守底线、抓发展、促振兴”,重点要做好五方面工作。",
            "守底线抓发展 全面推进乡村振兴", "□本报记者 薛霖",
            "蒙能“绿电”亮迪拜", "本报12月5日讯(记者 康丽娜)迪拜当地时间11月29日,光热电站机组并网发电。"));

        var orphan = Pages.Single(issue, "守底线抓发展");
        Assert.StartsWith("“党的二十大", orphan.Body[0], StringComparison.Ordinal);
        Assert.Equal(2, orphan.Body.Count);
        Assert.Equal([new ParsedByline("薛霖", BylineRole.Reporter)], orphan.Bylines);
        Assert.Single(Pages.Single(issue, "共治共享").Body);
    }

    [Fact]
    public void Parse_CaptionSplicedIntoStory_IsTakenOutAndTheStoryRejoined()
    {
        var issue = Pages.Parse(Page(
            "呼和浩特:基层减负从“退群”开始", "●本报记者 阿柔娜",
            "为深入整治形式主义,进一步减轻基层工作人员负担,针对反映强烈的“指尖上的形式主义”问题,新城",
            "5月9日晚,“唱响北疆”内蒙古",
            "演唱会以新人演绎新作的方式, 深入挖掘北疆文化,通过歌词和旋律",
            "新星新作演唱会在内蒙古体育馆火爆唱响。",
            "展现了祖国北疆的独特魅力。震撼人心的音乐让整个场馆变成了歌的海洋。",
            "■本报记者 王中宙 摄",
            "区委组织部联合区委宣传部坚持清理和整合并用,解散临时性工作微信群900余个。"));

        var story = Pages.Single(issue, "退群");
        Assert.Contains("新城区委组织部联合区委宣传部", story.Body[0], StringComparison.Ordinal);
        Assert.Equal([new ParsedByline("阿柔娜", BylineRole.Reporter)], story.Bylines);
        var photo = Assert.Single(issue.Articles, a => a.Kind == ArticleKind.Photo);
        Assert.StartsWith("5月9日晚,“唱响北疆”内蒙古新星新作演唱会在内蒙古体育馆火爆唱响。演唱会以新人", photo.Photos[0].Caption, StringComparison.Ordinal);
        Assert.Equal([new ParsedByline("王中宙", BylineRole.Photographer)], photo.Bylines);
    }

    [Fact]
    public void Parse_BannerInTheMiddleOfASentence_IsFurnitureAndTheSentenceRejoined()
    {
        var issue = Pages.Parse(Page("社区治理引入“源头活水”", "□本报记者 李玉琢", "冬日的满洲里,60岁的王秀芝早早就穿好了防护服,开始了一天的志愿服务。王", "新时代 新征程 新伟业", "秀芝是云杉社区兼职网格员之一。"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["冬日的满洲里,60岁的王秀芝早早就穿好了防护服,开始了一天的志愿服务。王秀芝是云杉社区兼职网格员之一。"], a.Body);
        Assert.Equal(["新时代 新征程 新伟业"], issue.Furniture);
    }

    [Fact]
    public void Parse_HotlineAndJumpLine_AreKeptApartFromTheBody()
    {
        var issue = Pages.Parse(Page("助企政策落地有声 稳产纾困激活主体", "□本报记者 高敏娜", Para1, "■下转第5版", "本报职业道德监督热线:0471-6635350或0471-6659749"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal([Para1], a.Body);
        Assert.Equal("■下转第5版", a.Continuation);
        Assert.Equal(["本报职业道德监督热线:0471-6635350或0471-6659749"], issue.Furniture);
    }

    [Fact]
    public void Parse_MarkdownMarks_AreLayoutNotText()
    {
        var issue = Pages.Parse(Page("## 【旗县说】", "## 和林格尔县 “四个一线”练本领", "□本报融媒体记者 郑学良", Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("【旗县说】", a.Column);
        Assert.Equal("“四个一线”练本领", a.Headline);
        Assert.DoesNotContain(Pages.Json(issue), "##", StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrayOcrSpaces_AreRemovedAndFullWidthPunctuationKept()
    {
        var issue = Pages.Parse(Page("我市开展食品安全互查工作", "□本报记者 祁晓燕", "近年来,我市聚焦“减负”和“赋能” 同向发力,从“千 条线”中解放出来,预计亩产可达到12000到16000 斤左右，旅游资源 and 投资环境。"));

        Assert.Equal("近年来,我市聚焦“减负”和“赋能”同向发力,从“千条线”中解放出来,预计亩产可达到12000到16000斤左右，旅游资源 and 投资环境。", Assert.Single(issue.Articles).Body[0]);
    }

    [Fact]
    public void Parse_LongestPlaceName_Wins()
    {
        var issue = Pages.Parse(Page("杭锦后旗推进高标准农田建设", "□本报记者 李玉琢", "杭锦后旗今年新建高标准农田10万亩。"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["巴彦淖尔市"], a.Regions);
        Assert.Equal(["杭锦后旗"], a.Places);
    }

    [Fact]
    public void Parse_HainanDistrictOfWuhai_IsNotHainanProvince()
    {
        var issue = Pages.Parse(Page("## 海南省 老旧小区改造提升“面子”修复“里子”", "本报海口6月30日电 如今在乌海市海南区,一个个老旧小区正在焕发新生活。"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(["乌海市"], a.Regions);
        Assert.Equal(["海南区"], a.Places);
        Assert.Equal("老旧小区改造提升“面子”修复“里子”", a.Headline);
    }

    [Fact]
    public void Parse_AmbiguousDistrictWithoutItsCity_IsNotCounted()
    {
        var issue = Pages.Parse(Page("青山区举办读书节", "□本报记者 李玉琢", "青山区图书馆日前举办读书节。"));

        Assert.Empty(Assert.Single(issue.Articles).Regions);
    }

    [Fact]
    public void Parse_CityDaily_ReadsOurCityAsItsHome()
    {
        var issue = Pages.Parse(Page("我市开展学校食堂食品安全互查工作", "本报讯(记者 祁晓燕)近期,检查组对我市33个学校食堂进行检查,我市与其他盟市进行了交流。", "日前,呼和浩特市美术馆开班。"));

        Assert.Equal("呼和浩特市", issue.HomeRegion);
        Assert.Equal("呼和浩特日报", issue.Paper);
        Assert.Equal("呼和浩特市", issue.Articles[0].Regions[0]);
    }

    [Fact]
    public void Parse_DatelinesAndAYear_GiveTheIssueDate()
    {
        var issue = Pages.Parse(Page("满都拉口岸货运量突破300万吨", "本报包头6月2日电(记者 格日勒图)2024年满都拉口岸进出口货运量突破300万吨。"));

        Assert.Equal(new DateOnly(2024, 6, 3), issue.Date);
    }

    [Fact]
    public void Parse_PageMargins_AreFurniture()
    {
        var issue = Pages.Parse(Page("2024年6月3日 星期一", "责任编辑:张三 版式设计:李四", "满都拉口岸货运量突破300万吨", "本报包头6月2日电(记者 格日勒图)" + Para1, "第3版"));

        Assert.Equal(["2024年6月3日 星期一", "责任编辑:张三 版式设计:李四", "第3版"], issue.Furniture);
        Assert.Equal([Para1], Assert.Single(issue.Articles).Body);
    }

    [Fact]
    public void Parse_AgencyDatelineWithASpaceBeforeTheCredit_GivesTheReporter()
    {
        var issue = Pages.Parse(Page("锡林郭勒盟冬日招商集中签约102亿元", "新华社呼和浩特12月5日电 (记者 巴依斯古楞)" + Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(new ParsedDateline("呼和浩特", "12月5日", "电"), a.Dateline);
        Assert.Equal([new ParsedByline("巴依斯古楞", BylineRole.Reporter)], a.Bylines);
        Assert.Equal([Para1], a.Body);
    }

    [Fact]
    public void Parse_BracketedPhotoCredit_GivesThePhotographer()
    {
        var issue = Pages.Parse(Page("\n\n「乌钢」变「绿钢」", "近日,乌兰浩特钢铁有限责任公司高炉一次成功引风烘炉。(本报记者 高敏娜 摄)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(ArticleKind.Photo, a.Kind);
        Assert.Equal([new ParsedByline("高敏娜", BylineRole.Photographer)], a.Bylines);
        Assert.Equal("兴安盟", a.Regions[0]);
    }

    [Fact]
    public void Parse_HeadlineWithDashedSubheadline_GivesAllThreeParts()
    {
        var issue = Pages.Parse(Page("把干事创业的手脚解脱出来", "呼伦贝尔为基层减负为实干赋能", "——来自基层一线的调查", "□本报记者 李玉琢", Para1));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(("把干事创业的手脚解脱出来", "呼伦贝尔为基层减负为实干赋能", "——来自基层一线的调查"), (a.Kicker, a.Headline, a.Subheadline));
    }

    [Fact]
    public void Parse_ParallelSubheadsInABylinedStory_StayInTheStory()
    {
        var issue = Pages.Parse(Page("暖“新”聚合力 激发基层治理新动能", "□本报记者 周文东", Para1, "暖“新”党建联盟激活发展引擎", Para2, "暖“新”服务驿站构建关爱家园", Para1.Replace("日前", "近日", StringComparison.Ordinal)));

        var a = Assert.Single(issue.Articles);
        Assert.Equal(ParaKindOf(a.Body), ["text", "sub", "text", "sub", "text"]);
    }

    [Fact]
    public void Parse_NumberedSubheadInABylinedStory_StaysInTheStory()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", Para1, "一、“铝箔”变“金箔”", Para2));

        Assert.Equal(3, Assert.Single(issue.Articles).Body.Count);
    }

    [Fact]
    public void Parse_UnrelatedHeadlineAfterABylinedStory_StartsANewArticle()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", Para1, "聆听青春之声 感悟思想伟力", "近日,由自治区党委宣传部组织开展的宣讲团走进鄂尔多斯职业学院。"));

        Assert.Equal(["超薄铝箔炼成记", "聆听青春之声 感悟思想伟力"], issue.Articles.Select(a => a.Headline));
        Assert.Equal("鄂尔多斯市", issue.Articles[1].Regions[0]);
    }

    private static List<string> ParaKindOf(IReadOnlyList<string> body) =>
        body.Select(p => p.EndsWith('。') ? "text" : "sub").ToList();

    [Fact]
    public void Parse_HeadlineWithACommaOverAByline_IsAHeadline()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", Para1, "稳住农业基本盘，守好“三农”基础", "□本报记者 薛霖", Para2));

        Assert.Equal(["超薄铝箔炼成记", "稳住农业基本盘，守好“三农”基础"], issue.Articles.Select(a => a.Headline));
    }

    [Fact]
    public void Parse_PhotoCreditUnderACompleteParagraph_CreditsTheStoryAndKeepsTheParagraph()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", Para2, Para1, "本报记者 孟和朝鲁 摄"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal([Para2, Para1], a.Body);
        Assert.Contains(new ParsedByline("孟和朝鲁", BylineRole.Photographer), a.Bylines);
    }

    [Fact]
    public void Parse_KnownInStoryLabelMarkedAsHeading_StaysInTheStory()
    {
        var issue = Pages.Parse(Page("## 【云听】", "## “共治共享”为社区治理引入“源头活水”", "□本报融媒体记者 李玉琢", Para1, "## 【记者手记】", Para2));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("【云听】", a.Column);
        Assert.Equal([Para1, "【记者手记】", Para2], a.Body);
    }

    [Fact]
    public void Parse_TwoStoriesOpeningWithOurCity_AreNotTakenForSubheads()
    {
        var issue = Pages.Parse(Page("我市开展学校食堂食品安全互查工作", "□本报记者 祁晓燕", Para1, "我市“温暖工程”顺利开工", "近日,随着全长1.08公里的新建燃气管网项目开工,准格尔旗“温暖工程”建设全面启动。"));

        Assert.Equal(2, issue.Articles.Count);
    }

    [Fact]
    public void Parse_TwoPartSloganAcrossASentence_IsABanner()
    {
        var issue = Pages.Parse(Page("社区治理引入“源头活水”", "□本报记者 李玉琢", "冬日的满洲里,60岁的王秀芝早早就穿好了防护服,开始了一天的志愿服务。王", "不忘初心 牢记使命", "秀芝是云杉社区兼职网格员之一。"));

        Assert.Equal(["冬日的满洲里,60岁的王秀芝早早就穿好了防护服,开始了一天的志愿服务。王秀芝是云杉社区兼职网格员之一。"], Assert.Single(issue.Articles).Body);
        Assert.Equal(["不忘初心 牢记使命"], issue.Furniture);
    }

    [Fact]
    public void Parse_FirstStoryPrintedBeforeItsHeadline_GoesBackToIt()
    {
        var issue = Pages.Parse(Page(
            "“党的二十大对全面推进乡村振兴作出重大决策部署,全区乡村振兴部门坚决贯彻落实。”日前,自治区乡村振兴局负责人表示。",
            "守底线抓发展 全面推进乡村振兴", "□本报记者 薛霖",
            "蒙能“绿电”亮迪拜", "本报12月5日讯(记者 康丽娜)迪拜当地时间11月29日,光热电站机组并网发电。"));

        Assert.StartsWith("“党的二十大", Pages.Single(issue, "守底线").Body[0], StringComparison.Ordinal);
        Assert.Empty(issue.Unplaced);
    }

    [Fact]
    public void Parse_UnrelatedTextAboveTheFirstStory_IsUnplaced()
    {
        var issue = Pages.Parse(Page(
            "迪拜700MW光热和250MW光伏太阳能电站项目是迪拜水电局开发的第四期项目。",
            "满都拉口岸进出口货运量突破300万吨", "本报包头6月2日电(记者 格日勒图)" + Para1));

        Assert.Single(issue.Unplaced);
        Assert.Contains(issue.Warnings, w => w.StartsWith("第1行：第一篇稿件之前的文字", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CaptionLinesSplicedAfterAShortBrokenLine_LeaveTheLineWithItsStory()
    {
        const string caption = "6月2日,小运动员们在跳街舞。当日,主题健身活动在内蒙古体育馆启动,面向全区儿童青少年开展体育竞赛活动与健身科普。";
        var lines = Enumerable.Range(0, (caption.Length + 23) / 24).Select(i => caption.Substring(i * 24, Math.Min(24, caption.Length - (i * 24))));
        var issue = Pages.Parse(Page(["超薄铝箔炼成记", "□本报记者 李佳雨", Para1, "电池铝箔是构成新能源汽车动力电池的关键材料,决定着电池", .. lines, "本报记者 孟和朝鲁 柴思源 摄", "充放电效率。与普通铝箔相比,电池铝箔对基材要求极其严苛。"]));

        Assert.Contains("决定着电池充放电效率。", Pages.Single(issue, "铝箔").Body[1], StringComparison.Ordinal);
        var photo = Assert.Single(issue.Articles, a => a.Kind == ArticleKind.Photo);
        Assert.Equal(caption, photo.Photos[0].Caption);
    }

    [Theory]
    [InlineData("(本报综合)")]
    [InlineData("(据新华社)")]
    [InlineData("(图片由固阳县融媒体中心提供)")]
    public void Parse_SourceNotesInBrackets_AreNotCredits(string note)
    {
        var issue = Pages.Parse(Page("庭院“方寸地”变成村民增收“聚宝盆”", "□本报记者 王林喜", Para1 + note));

        Assert.Equal(["王林喜"], Assert.Single(issue.Articles).Bylines.Select(b => b.Name));
    }

    [Fact]
    public void Parse_AgencyCredit_IsAnOrganisation()
    {
        var issue = Pages.Parse(Page("庭院“方寸地”变成村民增收“聚宝盆”", Para1 + "(新华社)"));

        Assert.Equal([new ParsedByline("新华社", BylineRole.Organization)], Assert.Single(issue.Articles).Bylines);
    }

    [Fact]
    public void Parse_ShortRestOfABrokenSentence_IsJoinedNotASubhead()
    {
        var issue = Pages.Parse(Page("特别关注", "暖“新”聚合力 激发基层治理新动能", Para1, "选派3名干部在接访、督查、办信等信访工作第一线“墩苗", "壮骨”", "(周文东 邢皓)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal([Para1, "选派3名干部在接访、督查、办信等信访工作第一线“墩苗壮骨”"], a.Body);
        Assert.Equal(2, a.Bylines.Count);
    }

    [Fact]
    public void Parse_ShortFirstLineListingThingsUnderATitle_IsText()
    {
        var issue = Pages.Parse(Page("特别关注", "暖“新”聚合力 激发基层治理新动能", "选派干部在接访、督查、办信等信访工作第一线“墩苗", "壮骨”,丰富干部的工作阅历和实践经验。", "(周文东 邢皓)"));

        var a = Assert.Single(issue.Articles);
        Assert.Equal("暖“新”聚合力 激发基层治理新动能", a.Headline);
        Assert.Equal(["选派干部在接访、督查、办信等信访工作第一线“墩苗壮骨”,丰富干部的工作阅历和实践经验。"], a.Body);
    }

    [Fact]
    public void Parse_KickerAndHeadlineWithoutBylineAfterABylinedStory_StartANewArticle()
    {
        var issue = Pages.Parse(Page("超薄铝箔炼成记", "□本报记者 李佳雨", Para1, "宣讲团走进高校", "聆听青春之声感悟思想伟力", "近日,由自治区党委宣传部组织开展的宣讲团走进鄂尔多斯职业学院。"));

        Assert.Equal(2, issue.Articles.Count);
        Assert.Equal(("宣讲团走进高校", "聆听青春之声感悟思想伟力"), (issue.Articles[1].Kicker, issue.Articles[1].Headline));
        Assert.Equal([Para1], issue.Articles[0].Body);
    }
}
