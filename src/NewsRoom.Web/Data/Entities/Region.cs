namespace NewsRoom.Web.Data.Entities;

/// <summary>A division from the gazetteer: a league or city, or a banner, county, district or special zone.</summary>
public class Region
{
    public int Id { get; set; }

    /// <summary>The official six-digit code; null for the few zones the gazetteer lists without one.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }

    /// <summary>prefecture_city, league, district, banner, autonomous_banner, county, county_city or special_zone.</summary>
    public required string Kind { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    public List<Region> Children { get; set; } = [];
    public required string Slug { get; set; }
    public required string NameEn { get; set; }
    public List<string> Aliases { get; set; } = [];

    /// <summary>Position in the gazetteer, for the order readers know.</summary>
    public int SortOrder { get; set; }

    public bool IsLeagueLevel => ParentId is null;
}

/// <summary>An article is about a region; one of its regions is primary.</summary>
public class ArticleRegion
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public bool IsPrimary { get; set; }
    public int Order { get; set; }
}
