using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>Pictures through the desk: uploaded on a story's photo page, shown to readers, refused when bad, kept in the library.</summary>
public class MediaTests(NewsRoomFactory factory) : IClassFixture<NewsRoomFactory>
{
    private const string Editor = "photo-editor@test.local";

    [Fact]
    public async Task UploadedJpeg_OnAPublishedStory_IsShownWithSrcset_SharedAsOgImage_AndServedImmutableWithoutGps()
    {
        // A chief editor: the story is published at the end, which only 总编辑 and 管理员 may do.
        using var editor = await TestClients.ChiefEditorAsync(factory);
        using var reader = TestClients.Anonymous(factory);
        var id = await EditorWorkflowTests.CreateAsync(editor, "草原上的那达慕", "正文。");
        var original = TestImages.CameraJpeg();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());

        var uploaded = await UploadAsync(editor, id, new FormFile("Upload", "nadam.jpg", original, "image/jpeg"),
            alt: "骑手在草原上赛马", caption: "那达慕大会上的赛马比赛", credit: "王中宙", lead: true);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        await EditorWorkflowTests.PressAsync(editor, id, "Publish");

        var page = await reader.GetDocumentAsync($"/articles/{id}");
        var img = page.QuerySelector<IHtmlImageElement>("figure.photo.lead picture img")!;
        Assert.Equal("骑手在草原上赛马", img.AlternativeText);
        Assert.Equal("eager", img.GetAttribute("loading"));
        Assert.Equal(("1200", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains("1024w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Contains("webp", page.QuerySelector("figure.photo.lead picture source")!.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("/people/", page.QuerySelector("figure.photo.lead .credit a")!.GetAttribute("href")![..8]);
        var ogImage = Meta(page, "og:image")!;
        Assert.Matches("^http://localhost/media/[0-9a-f]{32}\\.jpg$", ogImage);
        Assert.Equal(("1200", "800"), (Meta(page, "og:image:width"), Meta(page, "og:image:height")));
        Assert.Equal("骑手在草原上赛马", Meta(page, "og:image:alt"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(ogImage, jsonLd.RootElement.GetProperty("image")[0].GetProperty("url").GetString());

        using var rendition = await reader.GetAsync(new Uri(new Uri(ogImage).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
        Assert.Equal("image/jpeg", rendition.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", rendition.Headers.CacheControl!.ToString());
        var bytes = await rendition.Content.ReadAsByteArrayAsync();
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(bytes)).OfType<GpsDirectory>());
        Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif\0\0"u8));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(ogImage).PathAndQuery);
        conditional.Headers.IfNoneMatch.Add(rendition.Headers.ETag!);
        using var notModified = await reader.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var stored = await factory.WithDbAsync(db => db.MediaImages.SingleAsync(m => m.Alt == "骑手在草原上赛马"));
        Assert.Equal(new DateTime(2024, 6, 2, 10, 30, 0), stored.TakenAt);
        Assert.Equal("王中宙", stored.CreditName);

        var gallery = await reader.GetDocumentAsync("/photos");
        Assert.Contains(gallery.QuerySelectorAll<IHtmlImageElement>(".photo-list img"), i => i.AlternativeText == "骑手在草原上赛马" && i.GetAttribute("loading") == "lazy");
    }

    [Fact]
    public async Task PhotoTakenSideways_IsStoredAndRenderedUpright()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(editor, "竖拍的照片", "正文。");

        // Orientation 6: the camera was turned a quarter clockwise; the pixels are 1200×800, the picture 800×1200.
        await UploadAsync(editor, id, new FormFile("Upload", "upright.jpg", TestImages.CameraJpeg(orientation: 6, takenAt: "2024:06:03 08:00:00"), "image/jpeg"),
            alt: "竖拍的照片", caption: "说明", credit: null, lead: false);

        var image = await factory.WithDbAsync(db => db.MediaImages.Include(m => m.Renditions).SingleAsync(m => m.Alt == "竖拍的照片"));
        Assert.Equal((800, 1200), (image.Width, image.Height));
        Assert.All(image.Renditions, r => Assert.True(r.Height > r.Width));
    }

    public static TheoryData<string, byte[], string, string> RefusedUploads() => new()
    {
        { "非图片", "这是一段文字，不是照片。"u8.ToArray(), "notes.jpg", "这不是图片文件" },
        { "SVG", TestImages.Svg, "logo.svg", "不接受 SVG" },
        { "解压炸弹", TestImages.PngBomb(), "bomb.png", "超过 4000 万像素" },
        { "扩展名不符", TestImages.Png(), "disguised.jpg", "扩展名“.jpg”与内容不符" },
        { "截断", TestImages.CameraJpeg()[..6000], "cut.jpg", "不完整" },
        { "过大", [0xFF, 0xD8, 0xFF, .. new byte[30 * 1024 * 1024]], "huge.jpg", "图片太大" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task BadUpload_IsRefusedWithAChineseMessage_AndNothingIsStored(string what, byte[] bytes, string fileName, string message)
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(editor, "被拒绝的上传：" + what, "正文。");
        var before = await StoredAsync();

        using var response = await UploadAsync(editor, id, new FormFile("Upload", fileName, bytes, "application/octet-stream"),
            alt: "替代文字", caption: "说明", credit: null, lead: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task UploadWithoutAltText_IsRefused_AndNothingIsStored()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        var id = await EditorWorkflowTests.CreateAsync(editor, "缺替代文字", "正文。");
        var before = await StoredAsync();

        using var response = await UploadAsync(editor, id, new FormFile("Upload", "no-alt.jpg", TestImages.CameraJpeg(640, 480), "image/jpeg"),
            alt: "", caption: "说明", credit: null, lead: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写替代文字", (await Forms.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task MediaLibrary_ListsSearchesAndFiltersUnused_AndRefusesToDeleteAnImageAPublishedStoryUses()
    {
        using var editor = await TestClients.ChiefEditorAsync(factory);
        var usedId = await EditorWorkflowTests.CreateAsync(editor, "用图的稿件", "正文。");
        await UploadAsync(editor, usedId, new FormFile("Upload", "used.jpg", TestImages.CameraJpeg(700, 500), "image/jpeg"),
            alt: "图书馆外景", caption: "新落成的图书馆", credit: "李摄影", lead: true);
        await EditorWorkflowTests.PressAsync(editor, usedId, "Publish");
        var draftId = await EditorWorkflowTests.CreateAsync(editor, "草稿配图", "正文。");
        await UploadAsync(editor, draftId, new FormFile("Upload", "draft.png", TestImages.Png(), "image/png"),
            alt: "橙色色块", caption: "未发布的图", credit: null, lead: false);

        var library = await editor.GetDocumentAsync("/editor/media");
        Assert.Contains(library.QuerySelectorAll<IHtmlImageElement>(".media-library img"), i => i.AlternativeText == "图书馆外景");
        var found = await editor.GetDocumentAsync("/editor/media?q=李摄影");
        Assert.Equal(["图书馆外景"], found.QuerySelectorAll<IHtmlImageElement>(".media-library img").Select(i => i.AlternativeText));
        Assert.Contains("用图的稿件", found.QuerySelector(".media-library .uses")!.TextContent, StringComparison.Ordinal);
        var unused = await editor.GetDocumentAsync("/editor/media?unused=true");
        Assert.DoesNotContain(unused.QuerySelectorAll<IHtmlImageElement>(".media-library img"), i => i.AlternativeText is "图书馆外景" or "橙色色块");

        var usedImage = await factory.WithDbAsync(db => db.MediaImages.Where(m => m.Alt == "图书馆外景").Select(m => m.Id).SingleAsync());
        using var refused = await DeleteAsync(editor, found, usedImage);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("用图的稿件", (await Forms.ParseAsync(refused)).QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Id == usedImage)));

        // Used only by a draft: deleted, its files with it; the draft keeps its caption.
        var draftImage = await factory.WithDbAsync(db => db.MediaImages.Include(m => m.Renditions).SingleAsync(m => m.Alt == "橙色色块"));
        using var deleted = await DeleteAsync(editor, await editor.GetDocumentAsync("/editor/media?q=橙色"), draftImage.Id);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Id == draftImage.Id)));
        Assert.All(draftImage.Renditions, r => Assert.False(File.Exists(Path.Combine(factory.MediaPath, "renditions", r.Name))));
        Assert.Equal("未发布的图", await factory.WithDbAsync(db => db.Photos.Where(p => p.ArticleId == draftId).Select(p => p.Caption).SingleAsync()));
    }

    [Fact]
    public async Task UploadToAnImportedPhotoNewsItem_FillsItsParsedCaption_AndTheItemShowsThePicture()
    {
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var reader = TestClients.Anonymous(factory);
        var (articleId, photoId, caption) = await factory.WithDbAsync(db => db.Photos
            .Where(p => p.Article.Status == ArticleStatus.Published && p.Article.IssueId != null && p.MediaImageId == null)
            .OrderBy(p => p.Id).Select(p => new { p.ArticleId, p.Id, p.Caption }).FirstAsync())
            .ContinueWith(t => (t.Result.ArticleId, t.Result.Id, t.Result.Caption), TaskScheduler.Default);
        var photosBefore = await factory.WithDbAsync(db => db.Photos.CountAsync(p => p.ArticleId == articleId));

        var form = (await editor.GetDocumentAsync($"/editor/articles/{articleId}/photos")).Form("#photo-upload");
        Assert.Equal(caption, form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Caption']")!.Value);
        Assert.Equal(photoId.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector<IHtmlSelectElement>("select[name='Input.PhotoId']")!.Value);

        // A picture on a story readers see goes out without review: an editor (below 总编辑) is refused, nothing stored.
        using var refused = await editor.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Alt"] = "导入图片新闻的照片" },
            files: new FormFile("Upload", "imported.jpg", TestImages.CameraJpeg(800, 600), "image/jpeg"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Photos.Where(p => p.Id == photoId).Select(p => p.MediaImageId).SingleAsync()));

        using var chief = await TestClients.ChiefEditorAsync(factory);
        form = (await chief.GetDocumentAsync($"/editor/articles/{articleId}/photos")).Form("#photo-upload");
        using var response = await chief.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Alt"] = "导入图片新闻的照片" },
            files: new FormFile("Upload", "imported.jpg", TestImages.CameraJpeg(800, 600), "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(photosBefore, await factory.WithDbAsync(db => db.Photos.CountAsync(p => p.ArticleId == articleId)));
        Assert.NotNull(await factory.WithDbAsync(db => db.Photos.Where(p => p.Id == photoId).Select(p => p.MediaImageId).SingleAsync()));
        var page = await reader.GetDocumentAsync($"/articles/{articleId}");
        Assert.Equal("lazy", page.QuerySelector("figure.photo img[alt='导入图片新闻的照片']")!.GetAttribute("loading"));
    }

    [Fact]
    public async Task APictureTakenOffAPublishedStory_LeavesItsCaption_StaysInTheLibrary_AndOnlyAChiefMayDoIt()
    {
        using var chief = await TestClients.ChiefEditorAsync(factory);
        using var editor = await TestClients.EditorAsync(factory, Editor);
        using var reader = TestClients.Anonymous(factory);
        var id = await EditorWorkflowTests.CreateAsync(chief, "取下图片的稿件", "正文。");
        await UploadAsync(chief, id, new FormFile("Upload", "off.jpg", TestImages.CameraJpeg(720, 480), "image/jpeg"),
            alt: "要取下的图片", caption: "河边的晨雾", credit: "赵摄影", lead: true);
        await EditorWorkflowTests.PressAsync(chief, id, "Publish");
        Assert.NotNull((await reader.GetDocumentAsync($"/articles/{id}")).QuerySelector("img[alt='要取下的图片']"));
        var photoId = await factory.WithDbAsync(db => db.Photos.Where(p => p.ArticleId == id).Select(p => p.Id).SingleAsync());

        // An editor may open the page, but taking a picture off a story readers see is the chief's, as publishing is.
        using (var refused = await editor.SubmitAsync($"/editor/articles/{id}/photos", "form[data-action='detach']"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.NotNull(await factory.WithDbAsync(db => db.Photos.Where(p => p.Id == photoId).Select(p => p.MediaImageId).SingleAsync()));

        using var detached = await chief.SubmitAsync($"/editor/articles/{id}/photos", "form[data-action='detach']");

        Assert.Equal(HttpStatusCode.Redirect, detached.StatusCode);
        var photo = await factory.WithDbAsync(db => db.Photos.SingleAsync(p => p.Id == photoId));
        Assert.Equal(("河边的晨雾", null, false), (photo.Caption, photo.MediaImageId, photo.IsLead));
        Assert.True(await factory.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Alt == "要取下的图片")));
        var page = await reader.GetDocumentAsync($"/articles/{id}");
        Assert.Null(page.QuerySelector("img[alt='要取下的图片']"));
        Assert.Null(page.QuerySelector("meta[property='og:image']"));
        Assert.Contains("河边的晨雾", page.Body!.TextContent, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ArticleId == id && e.Action == AuditActions.MediaDetached).Select(e => e.Actor).ToListAsync());
        Assert.Equal(["chief@test.local"], audit);
    }

    [Fact]
    public async Task PhotosPage_PrintsACaptionsCreditOnce()
    {
        using var reader = TestClients.Anonymous(factory);
        var html = string.Empty;
        for (var page = 1; page <= 20 && !html.Contains("王中宙", StringComparison.Ordinal); page++)
        {
            using var response = await reader.GetAsync(new Uri($"/photos?page={page}", UriKind.Relative));
            html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : html;
        }

        Assert.Contains("■本报记者 王中宙 摄", html, StringComparison.Ordinal);
        Assert.DoesNotContain("王中宙 摄 王中宙", System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>|\\s+", " ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string? Meta(IHtmlDocument page, string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private async Task<(int Images, int Files)> StoredAsync() =>
        (await factory.WithDbAsync(db => db.MediaImages.CountAsync()),
         System.IO.Directory.Exists(factory.MediaPath) ? System.IO.Directory.GetFiles(factory.MediaPath, "*", SearchOption.AllDirectories).Length : 0);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int articleId, FormFile file, string alt, string caption, string? credit, bool lead)
    {
        var page = await client.GetDocumentAsync($"/editor/articles/{articleId}/photos");
        return await client.SubmitAsync(page.Form("#photo-upload"), new Dictionary<string, string?>
        {
            ["Input.Alt"] = alt,
            ["Input.Caption"] = caption,
            ["Input.Credit"] = credit,
            ["Input.Lead"] = lead ? "true" : null,
        }, files: file);
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, IHtmlDocument library, int imageId)
    {
        var form = library.QuerySelectorAll<IHtmlFormElement>(".media-library form").Single(f => f.QuerySelector("input[name=imageId]")!.GetAttribute("value") == imageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.SubmitAsync(form);
    }
}
