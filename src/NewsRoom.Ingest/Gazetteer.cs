using System.Reflection;

namespace NewsRoom.Ingest;

/// <summary>One division of Inner Mongolia from the official gazetteer.</summary>
/// <param name="Code">The six-digit administrative code.</param>
/// <param name="Name">The official name: 呼伦贝尔市, 满洲里市 ….</param>
/// <param name="Kind">prefecture_city, league, district, banner, autonomous_banner, county, county_city or special_zone.</param>
/// <param name="ParentCode">The league-level parent's code; 150000 for the leagues and cities themselves.</param>
/// <param name="Slug">The address part: hulunbeier, manzhouli-city ….</param>
/// <param name="NameEn">The English name.</param>
/// <param name="Aliases">Other names the papers use: 呼市, 首府, 托县 ….</param>
public sealed record GazetteerRegion(
    string Code,
    string Name,
    string Kind,
    string ParentCode,
    string Slug,
    string NameEn,
    IReadOnlyList<string> Aliases)
{
    /// <summary>True for the 12 leagues and prefecture-level cities.</summary>
    public bool IsLeagueLevel => Kind is "prefecture_city" or "league";
}

/// <summary>The 12 leagues and cities of Inner Mongolia and their banners, counties, districts and special zones.</summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerRegion> _byName;
    private readonly Dictionary<string, GazetteerRegion> _byCode;

    private Gazetteer(IReadOnlyList<GazetteerRegion> regions)
    {
        Regions = regions;
        _byName = regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _byCode = regions.Where(r => r.Code.Length > 0).ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The gazetteer shipped with the parser.</summary>
    public static Gazetteer InnerMongolia { get; } = Load();

    /// <summary>Every division, league-level ones first, in the gazetteer's order.</summary>
    public IReadOnlyList<GazetteerRegion> Regions { get; }

    /// <summary>The 12 leagues and prefecture-level cities.</summary>
    public IEnumerable<GazetteerRegion> LeagueLevel => Regions.Where(r => r.IsLeagueLevel);

    /// <summary>The division with this official name, or null.</summary>
    public GazetteerRegion? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The league-level division a region belongs to (itself for a league or city).</summary>
    public GazetteerRegion LeagueOf(GazetteerRegion region) =>
        region.IsLeagueLevel ? region : _byCode[region.ParentCode];

    private static Gazetteer Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("NewsRoom.Ingest.inner-mongolia-regions.csv")
            ?? throw new InvalidOperationException("The gazetteer is not embedded in " + Assembly.GetExecutingAssembly().FullName);
        using var reader = new StreamReader(stream);
        var regions = new List<GazetteerRegion>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split(',');
            var aliases = f.Length > 6 && f[6].Length > 0 ? f[6].Split('|') : [];
            regions.Add(new GazetteerRegion(f[0], f[1], f[2], f[3], f[4], f[5], aliases));
        }
        return new Gazetteer(regions);
    }
}
