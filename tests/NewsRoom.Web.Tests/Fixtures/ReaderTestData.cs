using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>Articles the reader tests make themselves, so they do not depend on what the parser reads from the seeds.</summary>
internal static class ReaderTestData
{
    /// <summary>A page of its own paper's edition of 2 June 2025 (a new paper each time the name is new), or of the given day and 版次.</summary>
    public static async Task<int> CreateIssueAsync(NewsRoomDb db, string paper, DateOnly? date = null, int? pageNumber = null, bool undated = false)
    {
        var owner = await db.Papers.FirstOrDefaultAsync(p => p.Name == paper);
        if (owner is null)
        {
            owner = new Paper { Name = paper, Slug = "test-" + Guid.NewGuid().ToString("N")[..12] };
            db.Papers.Add(owner);
        }
        DateOnly? day = undated ? null : date ?? new DateOnly(2025, 6, 2);
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.PaperId == owner.Id && e.PrintDate == day && owner.Id != 0)
            ?? new Edition { Paper = owner, PrintDate = day };
        var issue = new Issue
        {
            SourceFileName = $"test-{Guid.NewGuid():N}.txt",
            ContentHash = Guid.NewGuid().ToString("N"),
            Edition = edition,
            PageNumber = pageNumber,
            ImportedAt = DateTime.UtcNow,
        };
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>Adds an article with its own people; regions are given by slug, the first is primary.</summary>
    public static async Task<Article> CreateArticleAsync(
        NewsRoomDb db,
        string headline,
        ArticleStatus status = ArticleStatus.Published,
        string[]? regions = null,
        (string Name, BylineRole Role)[]? bylines = null,
        int? issueId = null,
        int? pagePosition = null,
        string body = "第一段正文。\n\n第二段正文。",
        string? photoCaption = null,
        DateTime? publishedAt = null)
    {
        var now = DateTime.UtcNow;
        var article = new Article
        {
            Kind = ArticleKind.Article,
            Headline = headline,
            Body = body,
            Status = status,
            PublishedAt = status is ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Archived ? publishedAt ?? now : null,
            CreatedAt = now,
            UpdatedAt = now,
            IssueId = issueId,
            PagePosition = pagePosition,
        };
        if (status == ArticleStatus.Scheduled)
        {
            article.PublishedAt = now.AddDays(7);
        }
        var order = 0;
        foreach (var slug in regions ?? [])
        {
            var region = await db.Regions.SingleAsync(r => r.Slug == slug);
            article.Regions.Add(new ArticleRegion { RegionId = region.Id, IsPrimary = order == 0, Order = order++ });
        }
        order = 0;
        foreach (var (name, role) in bylines ?? [])
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Name == name) ?? new Person { Name = name };
            article.Bylines.Add(new ArticleByline { Person = person, Role = role, Order = order++ });
        }
        if (photoCaption is not null)
        {
            article.Photos.Add(new Photo { Caption = photoCaption, Credits = "测试摄影", Order = 0 });
        }
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>A name no seed can contain, so a test finds exactly its own article.</summary>
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";
}
