using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using NewsRoom.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>Inputs that once gave a 500: dates out of range, control characters in a form, error pages for made-up codes.</summary>
public class InputHardeningTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=0001-01-01")]
    [InlineData("from=9999-12-31&to=9999-12-31")]
    [InlineData("q=%E8%8D%89%E5%8E%9F&from=0001-01-01&to=9999-12-31")]
    public async Task Search_WithADateOutOfRange_SaysSoInChinese(string query)
    {
        using var client = factory.CreateClientAs(null);

        using var response = await client.GetAsync(new Uri("/search?" + query, UriKind.Relative));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("日期应在 1900-01-01 到 2100-12-31 之间", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/-1", 404)]
    [InlineData("/error/999", 404)]
    [InlineData("/error/399", 404)]
    [InlineData("/error/460", 404)]
    [InlineData("/error/600", 404)]
    [InlineData("/error/599", 404)]
    [InlineData("/error", 404)]
    [InlineData("/error/404", 404)]
    [InlineData("/error/503", 503)]
    [InlineData("/error/429", 429)]
    public async Task ErrorPage_AnswersOnlyRealHttpErrorStatuses(string url, int expected)
    {
        using var client = factory.CreateClientAs(null);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("返回首页", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APost_RefusedWithA400_IsShownTheChineseErrorPage()
    {
        // A NUL in the antiforgery token: the token is refused (400) and the error page is re-executed as a POST.
        using var client = factory.CreateClientAs(Roles.Editor);
        var page = await client.GetDocumentAsync("/editor/articles/new");
        var form = page.Form("#article-form");

        using var response = await client.SubmitAsync(form, new Dictionary<string, string?> { ["__RequestVerificationToken"] = "abc\0def" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleForm_WithANulInAField_IsShownAgainAsTyped_AndNothingIsSaved()
    {
        using var client = factory.CreateClientAs(Roles.Editor);
        var page = await client.GetDocumentAsync("/editor/articles/new");
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());
        var headline = "草原上的\0新书屋";

        using var response = await client.SubmitAsync(page.Form("#article-form"), new Dictionary<string, string?>
        {
            ["Input.Headline"] = headline,
            ["Input.Body"] = "牧民在家门口就能借到书。",
        });
        var shown = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FormControlCharacters.FieldMessage, shown.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        // What was typed comes back: the body as it was, the headline with its NUL written as the character reference.
        Assert.Equal("牧民在家门口就能借到书。", ((IHtmlTextAreaElement)shown.QuerySelector("[name='Input.Body']")!).Value);
        Assert.StartsWith("草原上的", ((IHtmlInputElement)shown.QuerySelector("[name='Input.Headline']")!).Value, StringComparison.Ordinal);
        Assert.EndsWith("新书屋", ((IHtmlInputElement)shown.QuerySelector("[name='Input.Headline']")!).Value, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task ArticleForm_WithAScheduleOutOfRange_IsRefusedInChinese(string scheduleAt)
    {
        using var client = factory.CreateClientAs(Roles.Editor);
        var page = await client.GetDocumentAsync("/editor/articles/new");
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());

        // Saved as a draft, not scheduled: the time was still turned into UTC, and the first day has none.
        using var response = await client.SubmitAsync(page.Form("#article-form"), new Dictionary<string, string?>
        {
            ["Input.Headline"] = "定时发布的边界",
            ["Input.Body"] = "正文",
            ["Input.ScheduleAt"] = scheduleAt,
        });
        var shown = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("发布时间应在 2000 年到 2100 年之间", shown.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public void ControlCharacters_AreTold_FromTextWithTabsLineBreaksAndPairedSurrogates()
    {
        Assert.False(FormControlCharacters.HasControlCharacters("第一行\r\n第二行\t𠀋"));
        Assert.True(FormControlCharacters.HasControlCharacters("a\0b"));
        Assert.True(FormControlCharacters.HasControlCharacters("a\u001Bb"));
        Assert.True(FormControlCharacters.HasControlCharacters("a\uD800b"));
        Assert.True(FormControlCharacters.HasControlCharacters("a\uDC00"));
        Assert.True(FormControlCharacters.HasControlCharacters(Encoding.UTF8.GetString([0x61, 0xED, 0xA0, 0x80])));
    }
}
