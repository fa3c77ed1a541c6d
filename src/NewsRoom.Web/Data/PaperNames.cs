namespace NewsRoom.Web.Data;

/// <summary>
/// The papers of Inner Mongolia the site knows by name, with the ASCII slugs of their addresses (/papers/neimenggu-ribao)
/// and, for a city daily, the division that 我市 means. A paper the table does not know gets the slug paper-{id}, stable
/// because ids never change; a page whose paper nobody could name is filed under <see cref="Unknown"/>.
/// </summary>
public static class PaperNames
{
    /// <summary>The paper of a page whose masthead named none and that no admin has filed yet.</summary>
    public const string Unknown = "报名不详";

    public const string UnknownSlug = "unknown";

    /// <summary>Name, slug, home region (a league-level division's official name) or null for a regional paper.</summary>
    public static readonly IReadOnlyList<(string Name, string Slug, string? HomeRegion)> Known =
    [
        ("内蒙古日报", "neimenggu-ribao", null),
        ("北方新报", "beifang-xinbao", null),
        ("内蒙古晨报", "neimenggu-chenbao", null),
        ("内蒙古法制报", "neimenggu-fazhibao", null),
        ("呼和浩特日报", "huhehaote-ribao", "呼和浩特市"),
        ("包头日报", "baotou-ribao", "包头市"),
        ("包头晚报", "baotou-wanbao", "包头市"),
        ("乌海日报", "wuhai-ribao", "乌海市"),
        ("赤峰日报", "chifeng-ribao", "赤峰市"),
        ("通辽日报", "tongliao-ribao", "通辽市"),
        ("鄂尔多斯日报", "eerduosi-ribao", "鄂尔多斯市"),
        ("呼伦贝尔日报", "hulunbeier-ribao", "呼伦贝尔市"),
        ("巴彦淖尔日报", "bayannaoer-ribao", "巴彦淖尔市"),
        ("乌兰察布日报", "wulanchabu-ribao", "乌兰察布市"),
        ("兴安日报", "xingan-ribao", "兴安盟"),
        ("锡林郭勒日报", "xilinguole-ribao", "锡林郭勒盟"),
        ("阿拉善日报", "alashan-ribao", "阿拉善盟"),
        (Unknown, UnknownSlug, null),
    ];

    /// <summary>The table's slug for this name, or null for a paper it does not know.</summary>
    public static string? KnownSlug(string name) => Known.FirstOrDefault(p => p.Name == name).Slug;

    /// <summary>The slug of a paper the table does not know, from its id.</summary>
    public static string FallbackSlug(int paperId) => $"paper-{paperId}";
}
