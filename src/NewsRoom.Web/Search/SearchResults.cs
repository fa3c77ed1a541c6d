namespace NewsRoom.Web.Search;

/// <summary>A search as the reader asked it; every part is optional.</summary>
public sealed record SearchQuery(string? Text, string? Region = null, DateOnly? From = null, DateOnly? To = null, ArticleKind? Kind = null, int? Person = null, int Page = 1);

/// <summary>One found article, with its headline and snippet as escaped HTML with the matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(int Id, string HeadlineHtml, string SnippetHtml, string? Region, DateTime? PublishedAt, IReadOnlyList<SearchByline> Bylines);

public sealed record SearchByline(int PersonId, string Name);

public sealed record SearchResults(IReadOnlyList<string> Words, int Total, int Page, IReadOnlyList<SearchHit> Hits)
{
    public int Pages => (Total + SearchService.PageSize - 1) / SearchService.PageSize;
}
