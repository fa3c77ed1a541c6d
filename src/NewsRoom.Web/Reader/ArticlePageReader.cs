using Microsoft.Data.Sqlite;

namespace NewsRoom.Web.Reader;

/// <summary>Everything the article page shows, read in one go.</summary>
public sealed record ArticlePage(
    ArticleView Article,
    IReadOnlyList<BylineView> Bylines,
    IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<RegionLink> Regions,
    IReadOnlyList<ArticleCard> Related,
    ArticleCard? Previous,
    ArticleCard? Next,
    IReadOnlyList<CorrectionView> Corrections);

public sealed record ArticleView(int Id, ArticleKind Kind, string? Column, string? Kicker, string? Headline, string? Subheadline,
    string? DatelinePlace, string? DatelineDate, string? DatelineKind, string Body, DateTime? PublishedAt, DateTime UpdatedAt,
    int? IssueId, int? PagePosition, string? Paper, DateOnly? IssueDate, string? DisplayTitle = null, string? PaperSlug = null, int? PageNumber = null,
    string? PageName = null)
{
    public string? DatelineText => DatelineKind is null ? null : $"本报{DatelinePlace}{DatelineDate}{DatelineKind}";
}

public sealed record BylineView(int PersonId, string Name, BylineRole Role);

public sealed record PhotoView(string? Title, string Caption, string? Credits, PictureView? Picture = null, bool IsLead = false)
{
    /// <summary>The credit line shown after the caption; null when the caption already ends with it (■本报记者 王中宙 摄).</summary>
    public string? SeparateCredits => PhotoCredits.Separate(Caption, Credits);
}

public sealed record RegionLink(int Id, string Name, string Slug, bool IsPrimary);

/// <summary>A 更正 or 说明 on the story: its day as printed on it, and when it was added (UTC).</summary>
public sealed record CorrectionView(CorrectionKind Kind, string Text, DateOnly Date, DateTime CreatedAt);

/// <summary>
/// Reads the article page, the reader's hottest after the output cache, in one statement kept prepared on connections
/// of its own (<see cref="ArticlePageStatement"/>): each view binds the id, steps the rows and shapes them here.
/// </summary>
public sealed class ArticlePageReader(ArticlePageStatement statement)
{
    public const int RelatedCount = ArticlePageStatement.RelatedCount;

    /// <summary>The published article with this id and what its page shows around it; null when there is none.</summary>
    public Task<ArticlePage?> ReadAsync(int id, CancellationToken cancellationToken = default) =>
        statement.ReadAsync(id, ReadRowsAsync, cancellationToken);

    // Rows come ordered by kind, the article's own first; an unpublished article has no rows at all.
    private static async Task<ArticlePage?> ReadRowsAsync(SqliteDataReader rows, CancellationToken cancellationToken)
    {
        if (!await rows.ReadAsync(cancellationToken))
        {
            return null;
        }
        var article = ReadArticle(rows);
        List<BylineView> bylines = [];
        List<PhotoView> photos = [];
        List<RegionLink> regions = [];
        List<ArticleCard> related = [];
        List<CorrectionView> corrections = [];
        ArticleCard? previous = null, next = null;
        string? primaryRegion = null;
        while (await rows.ReadAsync(cancellationToken))
        {
            switch ((ArticlePageStatement.RowKind)rows.GetInt32(Kind))
            {
                case ArticlePageStatement.RowKind.Byline:
                    bylines.Add(new BylineView(rows.GetInt32(Id), rows.GetString(Text1), Enum.Parse<BylineRole>(rows.GetString(Text2))));
                    break;
                case ArticlePageStatement.RowKind.Photo:
                    photos.Add(new PhotoView(NullableText(rows, Text1), rows.GetString(Text2), NullableText(rows, Text3), ReadPicture(rows),
                        !rows.IsDBNull(Int3) && rows.GetInt32(Int3) != 0));
                    break;
                case ArticlePageStatement.RowKind.Region:
                    var region = new RegionLink(rows.GetInt32(Id), rows.GetString(Text1), rows.GetString(Text2), rows.GetInt32(Int1) != 0);
                    regions.Add(region);
                    primaryRegion ??= region.IsPrimary ? region.Name : null;
                    break;
                case ArticlePageStatement.RowKind.Related:
                    // Every related article shares this one's primary region, read just before: its name is not read again per row.
                    related.Add(ReadCard(rows, primaryRegion, NullableText(rows, Text9)));
                    break;
                case ArticlePageStatement.RowKind.Previous:
                    previous = ReadCard(rows, region: null, paper: null);
                    break;
                case ArticlePageStatement.RowKind.Next:
                    next = ReadCard(rows, region: null, paper: null);
                    break;
                case ArticlePageStatement.RowKind.Correction:
                    corrections.Add(new CorrectionView(Enum.Parse<CorrectionKind>(rows.GetString(Text1)), rows.GetString(Text2),
                        rows.GetFieldValue<DateOnly>(Text10), rows.GetDateTime(Time1)));
                    break;
                default:
                    throw new InvalidOperationException($"The article page's statement gave a row of unknown kind {rows.GetInt32(Kind)}.");
            }
        }
        return new ArticlePage(article, bylines, photos, regions, related, previous, next, corrections);
    }

    // Column positions of ArticlePageStatement.Sql: Kind, Seq, Id, Int1, Int2, Text1..Text10, Time1, Time2, Text11..Text14, Int3.
    private const int Kind = 0, Id = 2, Int1 = 3, Int2 = 4, Text1 = 5, Text2 = 6, Text3 = 7, Text4 = 8, Text5 = 9, Text6 = 10, Text7 = 11,
        Text8 = 12, Text9 = 13, Text10 = 14, Time1 = 15, Time2 = 16, Text11 = 17, Text12 = 18, Text13 = 19, Text14 = 20, Int3 = 21;

    private static ArticleView ReadArticle(SqliteDataReader r) => new(
        r.GetInt32(Id), Enum.Parse<ArticleKind>(r.GetString(Text11)), NullableText(r, Text1), NullableText(r, Text2), NullableText(r, Text3), NullableText(r, Text4),
        NullableText(r, Text5), NullableText(r, Text6), NullableText(r, Text7), r.GetString(Text8),
        r.IsDBNull(Time1) ? null : r.GetDateTime(Time1), r.GetDateTime(Time2),
        r.IsDBNull(Int1) ? null : r.GetInt32(Int1), r.IsDBNull(Int2) ? null : r.GetInt32(Int2),
        NullableText(r, Text9), r.IsDBNull(Text10) ? null : r.GetFieldValue<DateOnly>(Text10), NullableText(r, Text12),
        NullableText(r, Text13), r.IsDBNull(Int3) ? null : r.GetInt32(Int3), NullableText(r, Text14));

    private static ArticleCard ReadCard(SqliteDataReader r, string? region, string? paper) => new(
        r.GetInt32(Id), NullableText(r, Text1), Enum.Parse<ArticleKind>(r.GetString(Text11)), r.GetString(Text2), region, r.IsDBNull(Time1) ? null : r.GetDateTime(Time1), paper);

    // A photo's picture, when one is attached: its size, alt text and renditions (name:width,…).
    private static PictureView? ReadPicture(SqliteDataReader r) => r.IsDBNull(Int1) ? null : new PictureView(
        r.GetInt32(Int1), r.GetInt32(Int2), r.GetString(Text4), PictureView.ParseRenditions(NullableText(r, Text5)),
        PictureView.ParseRenditions(NullableText(r, Text6)), r.IsDBNull(Text7) ? null : r.GetInt32(Text7));

    private static string? NullableText(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
