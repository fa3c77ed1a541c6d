using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace NewsRoom.Web.Pages.Articles;

/// <summary>The article page's schema.org NewsArticle: the fields search engines read, in the order they are written.</summary>
internal sealed record NewsArticleJsonLd(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string Headline,
    string Description,
    string InLanguage,
    string MainEntityOfPage,
    string Url,
    string? DatePublished,
    string DateModified,
    IReadOnlyList<JsonLdAgent> Author,
    JsonLdAgent Publisher,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonLdAgent? SourceOrganization,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ArticleSection)
{
    // Typed and source-generated rather than a dictionary serialized by reflection: the page is built on every
    // uncached view, and the dictionaries (grown entry by entry) were a visible share of its work.
    private static readonly JsonTypeInfo<NewsArticleJsonLd> TypeInfo = new NewsArticleJsonLdContext(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese stays readable; the encoder still escapes <, > and & so the script block cannot be closed early.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    }).NewsArticleJsonLd;

    /// <summary>The printed edition the story ran in: 内蒙古日报 2024年6月3日.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrintEdition { get; init; }

    /// <summary>The 版次 it ran on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrintPage { get; init; }

    /// <summary>The 版名 of that page (要闻, 地方 …).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrintSection { get; init; }

    /// <summary>The story's 更正 and 说明, newest first; none written when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonLdCorrection>? Correction { get; init; }

    /// <summary>The story's picture at its largest rendition.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonLdImage>? Image { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, TypeInfo);
}

/// <summary>An author or publisher: a Person or an Organization, with a page when the site has one.</summary>
internal sealed record JsonLdAgent(
    [property: JsonPropertyName("@type")] string Type,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonLdImage? Logo = null);

/// <summary>A raster image: the publisher's logo, as search engines require of a NewsArticle's publisher, or the story's picture.</summary>
internal sealed record JsonLdImage(
    [property: JsonPropertyName("@type")] string Type,
    string Url,
    int Width,
    int Height);

/// <summary>A 更正 or 说明 as schema.org says it: the notice's words and when it was published.</summary>
internal sealed record JsonLdCorrection(
    [property: JsonPropertyName("@type")] string Type,
    string Text,
    string DatePublished);

[JsonSerializable(typeof(NewsArticleJsonLd))]
internal sealed partial class NewsArticleJsonLdContext : JsonSerializerContext;
