namespace NewsRoom.Web.Data.Entities;

/// <summary>A reporter, photographer, correspondent or organisation credited in the paper.</summary>
public class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<ArticleByline> Bylines { get; set; } = [];
}

/// <summary>A credit on an article: who, in which role, in which printed order.</summary>
public class ArticleByline
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public BylineRole Role { get; set; }
    public int Order { get; set; }
}
