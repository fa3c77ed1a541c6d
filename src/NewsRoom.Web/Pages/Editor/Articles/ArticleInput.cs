using System.ComponentModel.DataAnnotations;

namespace NewsRoom.Web.Pages.Editor.Articles;

/// <summary>The article form. Field names follow the model (Input.Headline …): tools outside fill the form by them.</summary>
public sealed class ArticleInput
{
    [Required(ErrorMessage = "请选择类型")]
    public ArticleKind Kind { get; set; }

    [StringLength(100, ErrorMessage = "栏目不能超过 100 个字")]
    public string? Column { get; set; }

    [StringLength(300, ErrorMessage = "引题不能超过 300 个字")]
    public string? Kicker { get; set; }

    /// <summary>Required of an article; photo news and a brief may be printed without one.</summary>
    [StringLength(300, ErrorMessage = "标题不能超过 300 个字")]
    public string? Headline { get; set; }

    /// <summary>The site's title for an item printed without one; shown as not printed.</summary>
    [StringLength(300, ErrorMessage = "网页标题不能超过 300 个字")]
    public string? DisplayTitle { get; set; }

    [StringLength(300, ErrorMessage = "副题不能超过 300 个字")]
    public string? Subheadline { get; set; }

    [StringLength(50, ErrorMessage = "电头地点不能超过 50 个字")]
    public string? DatelinePlace { get; set; }

    [StringLength(50, ErrorMessage = "电头日期不能超过 50 个字")]
    public string? DatelineDate { get; set; }

    /// <summary>讯 or 电, or empty for no dateline.</summary>
    public string? DatelineKind { get; set; }

    public string? Body { get; set; }

    public List<BylineInput> Bylines { get; set; } = [];
    public List<RegionInput> Regions { get; set; } = [];
    public List<PhotoInput> Photos { get; set; } = [];

    /// <summary>The stamp the article had when the form was opened; a save with an older one is a conflict.</summary>
    public Guid? ConcurrencyStamp { get; set; }

    /// <summary>When to publish, in China time, for 定时发布.</summary>
    public DateTime? ScheduleAt { get; set; }

    public static ArticleInput From(ArticleSnapshot s, Guid stamp) => new()
    {
        Kind = s.Kind,
        Column = s.Column,
        Kicker = s.Kicker,
        Headline = s.Headline,
        Subheadline = s.Subheadline,
        DisplayTitle = s.DisplayTitle,
        DatelinePlace = s.DatelinePlace,
        DatelineDate = s.DatelineDate,
        DatelineKind = s.DatelineKind,
        Body = s.Body,
        Bylines = s.Bylines.Select((b, i) => new BylineInput { Name = b.Name, Role = b.Role, Order = i + 1 }).ToList(),
        Regions = s.Regions.Select(r => new RegionInput { RegionId = r.RegionId, IsPrimary = r.IsPrimary }).ToList(),
        Photos = s.Photos.Select(p => new PhotoInput { Title = p.Title, Caption = p.Caption, Credits = p.Credits }).ToList(),
        ConcurrencyStamp = stamp,
    };

    /// <summary>The article as typed, blank rows left out; call after validation.</summary>
    public ArticleSnapshot ToSnapshot()
    {
        var regions = Regions.Where(r => r.RegionId is not null).ToList();
        // One region is always primary: the one ticked, else the first.
        var primary = regions.FindIndex(r => r.IsPrimary);
        return new ArticleSnapshot(
            Kind, Column?.Trim(), Kicker?.Trim(), Headline?.Trim(), Subheadline?.Trim(),
            DatelinePlace?.Trim(), DatelineDate?.Trim(), string.IsNullOrEmpty(DatelineKind) ? null : DatelineKind,
            (Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal),
            Data.Entities.ArticleStatus.Draft, null,
            Bylines.Where(b => !string.IsNullOrWhiteSpace(b.Name)).Select((b, i) => (b, i))
                .OrderBy(x => x.b.Order ?? int.MaxValue).ThenBy(x => x.i)
                .Select(x => new SnapshotByline(x.b.Name!.Trim(), x.b.Role)).ToList(),
            regions.Select((r, i) => new SnapshotRegion(r.RegionId!.Value, i == Math.Max(primary, 0))).ToList(),
            Photos.Where(p => !p.IsBlank).Select(p => new SnapshotPhoto(p.Title?.Trim(), p.Caption!.Trim(), p.Credits?.Trim())).ToList(),
            string.IsNullOrWhiteSpace(DisplayTitle) ? null : DisplayTitle.Trim());
    }
}

public sealed class BylineInput
{
    [StringLength(100, ErrorMessage = "姓名不能超过 100 个字")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请选择身份")]
    public BylineRole Role { get; set; }

    /// <summary>Printed order, 1 first; blank keeps the row order.</summary>
    [Range(1, 99, ErrorMessage = "顺序应为 1 到 99")]
    public int? Order { get; set; }
}

public sealed class RegionInput
{
    public int? RegionId { get; set; }
    public bool IsPrimary { get; set; }
}

public sealed class PhotoInput
{
    [StringLength(300, ErrorMessage = "图片标题不能超过 300 个字")]
    public string? Title { get; set; }

    public string? Caption { get; set; }

    [StringLength(300, ErrorMessage = "摄影者不能超过 300 个字")]
    public string? Credits { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Caption) && string.IsNullOrWhiteSpace(Credits);
}
