using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Search;

/// <summary>
/// Full-text search over the FTS5 trigram index of published articles (see the AddArticleSearch migration, whose
/// triggers keep it in step). Words of three characters or more are trigram phrases; shorter words are expanded
/// to the indexed trigrams they begin, which stays fast where a LIKE scan of every body would not.
/// This class decides what to ask; the statements themselves are in Data (<see cref="ArticleSearchIndex"/>).
/// </summary>
public sealed class SearchService(NewsRoomDb db)
{
    public const int PageSize = 20;

    // Deeper pages are never read; a cap keeps OFFSET cheap.
    private const int MaxPage = 250;

    // Expansions of a one-character word; the most frequent are kept, enough for any page a reader reads.
    private const int MaxExpansions = 200;

    /// <summary>
    /// Ranking every match of an unselective word (内蒙古 in an Inner Mongolian paper) costs more than the page is
    /// worth: above this many matches, matches in the titles come first, ranked, then the rest latest stored first
    /// (article ids grow with imports and new desk articles, so that is close to newest first, and FTS5 reads it without sorting).
    /// </summary>
    internal int RankLimit { get; init; } = 1000;

    private const string TitleColumns = "{Headline Kicker Subheadline}";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchText.Words(query.Text);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        var filters = await FiltersAsync(query, cancellationToken);
        if (filters is null || (words.Count == 0 && filters.Count == 0))
        {
            return new SearchResults(words, 0, page, []);
        }

        var index = await ArticleSearchIndex.OpenAsync(db, cancellationToken);
        await using (index)
        {
            var offset = (page - 1) * PageSize;
            int total;
            List<int> ids;
            if (words.Count == 0)
            {
                total = await index.CountAsync(null, filters, cancellationToken);
                ids = await index.IdsAsync(null, filters, SearchOrder.Newest, offset, PageSize, cancellationToken);
            }
            else
            {
                var match = await MatchAsync(index, words, cancellationToken);
                if (match is null)
                {
                    return new SearchResults(words, 0, page, []);
                }
                total = await index.CountAsync(match, filters, cancellationToken);
                ids = total <= RankLimit
                    ? await index.IdsAsync(match, filters, SearchOrder.Rank, offset, PageSize, cancellationToken)
                    : await TieredIdsAsync(index, match, words, filters, offset, cancellationToken);
            }
            var hits = ids.Count == 0 ? [] : SearchHits.From(ids, await index.HitRowsAsync(ids, cancellationToken), words);
            return new SearchResults(words, total, page, hits);
        }
    }

    // The MATCH expression: every word must occur; null when a short word occurs nowhere.
    private static async Task<string?> MatchAsync(ArticleSearchIndex index, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var word in words)
        {
            if (SearchText.Length(word) >= 3)
            {
                parts.Add(SearchText.Phrase(word));
                continue;
            }
            var terms = await index.TermsStartingWithAsync(word, MaxExpansions, cancellationToken);
            if (terms.Count == 0)
            {
                return null;
            }
            parts.Add("(" + string.Join(" OR ", terms.Select(SearchText.Phrase)) + ")");
        }
        return string.Join(" AND ", parts);
    }

    // Counting the title matches and then ranking them evaluates the phrase over the titles twice, and bm25 reads it a
    // third time for its idf; for a phrase of two or more trigrams each pass is milliseconds of position matching.
    // So such words rank their titles at once, at most RankLimit + 1 of them, which tells the count as well; only when
    // that many match is the work thrown away. Single trigrams are cheap to count, and a short word's expansion would
    // make bm25 read every one of its trigrams, so those count first.
    private static bool RanksTitlesAtOnce(IReadOnlyList<string> words) =>
        words.All(w => SearchText.Length(w) >= 3) && words.Any(w => SearchText.Length(w) >= 4);

    private async Task<List<int>> TieredIdsAsync(ArticleSearchIndex index, string match, IReadOnlyList<string> words, SearchFilters filters, int offset, CancellationToken cancellationToken)
    {
        var inTitles = $"{TitleColumns} : ({match})";
        var titleCount = -1;
        List<int>? ids = null;
        if (RanksTitlesAtOnce(words))
        {
            // Cheaper still where the rank can be computed here from that one pass.
            var ranking = filters.Count == 0 && TitleRank.Applies(words)
                ? await TitleRank.RankAsync(index, words[0], inTitles, RankLimit, cancellationToken)
                : null;
            if (ranking is { Ids: { } ranked })
            {
                titleCount = ranked.Count;
                ids = [.. ranked.Skip(offset).Take(PageSize)];
            }
            else if (ranking is null)
            {
                (titleCount, ids) = await RankedWithCountAsync(index, inTitles, filters, offset, cancellationToken);
            }
        }
        if (ids is null)
        {
            titleCount = await index.CountAsync(inTitles, filters, cancellationToken);
            ids = [];
            if (offset < titleCount)
            {
                var order = titleCount <= RankLimit ? SearchOrder.Rank : SearchOrder.Stored;
                ids.AddRange(await index.IdsAsync(inTitles, filters, order, offset, PageSize, cancellationToken));
            }
        }
        if (ids.Count < PageSize)
        {
            var rest = $"({match}) NOT {inTitles}";
            ids.AddRange(await index.IdsAsync(rest, filters, SearchOrder.Stored, Math.Max(0, offset - titleCount), PageSize - ids.Count, cancellationToken));
        }
        return ids;
    }

    // The page of the matches in rank order and how many match, from one evaluation of the match; null ids when more
    // than RankLimit match (then they are not to be ranked) or the page lies past them (then the count is unknown).
    private async Task<(int Count, List<int>? Ids)> RankedWithCountAsync(ArticleSearchIndex index, string match, SearchFilters filters, int offset, CancellationToken cancellationToken)
    {
        var (count, ids) = await index.RankedPageWithCountAsync(match, filters, RankLimit, offset, PageSize, cancellationToken);
        return count switch
        {
            < 0 when offset == 0 => (0, ids),
            < 0 => (-1, null),
            _ when count > RankLimit => (-1, null),
            _ => (count, ids),
        };
    }

    // Null when a filter names nothing that exists (an unknown region): then nothing can match.
    private async Task<SearchFilters?> FiltersAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        List<int>? regionIds = null;
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var slug = query.Region.Trim();
            var region = await db.Regions.AsNoTracking().Where(r => r.Slug == slug).Select(r => new { r.Id, r.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (region is null)
            {
                return null;
            }
            // A league or city includes its banners, counties and districts.
            regionIds = region.ParentId is null
                ? await db.Regions.Where(r => r.Id == region.Id || r.ParentId == region.Id).Select(r => r.Id).ToListAsync(cancellationToken)
                : [region.Id];
        }
        // Dates are the papers' days, in Beijing time; PublishedAt is stored in UTC as EF writes it.
        return new SearchFilters(
            regionIds,
            // The first day has no Beijing midnight in UTC (it would fall before year 1): from then on is no filter at all.
            query.From is { } from && from > DateOnly.MinValue ? StoredUtc(from) : null,
            query.To is { } to && to < DateOnly.MaxValue ? StoredUtc(to.AddDays(1)) : null,
            query.Kind is { } kind && Enum.IsDefined(kind) ? kind : null,
            query.Person);
    }

    private static string StoredUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
