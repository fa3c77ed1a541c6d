using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Data;

/// <summary>People are known by their printed name: the importer and the desk credit the same person the same way.</summary>
internal static class PeopleLookup
{
    /// <summary>The people with these names, new ones added to the context (saved with the caller's next save).</summary>
    public static async Task<Dictionary<string, Person>> FindOrAddPeopleAsync(this NewsRoomDb db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var people = await db.People.Where(p => wanted.Contains(p.Name))
            .ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var name in wanted.Where(n => !people.ContainsKey(n)))
        {
            var person = new Person { Name = name };
            db.People.Add(person);
            people[name] = person;
        }
        return people;
    }
}
