using System.Text.Json;

namespace NewsRoom.Web.Desk;

/// <summary>The whole of an article at one moment, as kept in a revision.</summary>
public sealed record ArticleSnapshot(
    ArticleKind Kind,
    string? Column,
    string? Kicker,
    string? Headline,
    string? Subheadline,
    string? DatelinePlace,
    string? DatelineDate,
    string? DatelineKind,
    string Body,
    ArticleStatus Status,
    DateTime? PublishedAt,
    IReadOnlyList<SnapshotByline> Bylines,
    IReadOnlyList<SnapshotRegion> Regions,
    IReadOnlyList<SnapshotPhoto> Photos,
    string? DisplayTitle = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Takes the snapshot; bylines with people, regions and photos must be loaded.</summary>
    public static ArticleSnapshot Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleSnapshot(
            article.Kind, article.Column, article.Kicker, article.Headline, article.Subheadline,
            article.DatelinePlace, article.DatelineDate, article.DatelineKind, article.Body, article.Status, article.PublishedAt,
            article.Bylines.OrderBy(b => b.Order).Select(b => new SnapshotByline(b.Person.Name, b.Role)).ToList(),
            article.Regions.OrderBy(r => r.Order).Select(r => new SnapshotRegion(r.RegionId, r.IsPrimary)).ToList(),
            article.Photos.OrderBy(p => p.Order).Select(p => new SnapshotPhoto(p.Title, p.Caption, p.Credits)).ToList(),
            article.DisplayTitle);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ArticleSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ArticleSnapshot>(json, Json) ?? throw new JsonException("Empty revision snapshot.");
}

public sealed record SnapshotByline(string Name, BylineRole Role);

public sealed record SnapshotRegion(int RegionId, bool IsPrimary);

public sealed record SnapshotPhoto(string? Title, string Caption, string? Credits);
