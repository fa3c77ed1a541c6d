using Microsoft.EntityFrameworkCore;

namespace NewsRoom.Web.Tests;

/// <summary>SQLite's plan for a query EF writes: which index it searches, what it scans.</summary>
internal static class QueryPlans
{
    public static async Task<List<string>> ExplainAsync<T>(NewsRoomDb db, IQueryable<T> query)
    {
        var text = query.ToQueryString();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // EF writes the parameters as sqlite3 shell lines (".param set @id 5") ahead of the query; a plan needs them bound.
        var lines = text.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Trim().Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = long.TryParse(parts[3], out var number) ? number : parts[3].Trim('\'');
            command.Parameters.Add(parameter);
        }
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        // Without the note on split queries EF appends to the text; a query may end in its ORDER BY, not only in a bracket.
        var note = sql.IndexOf("This LINQ query", StringComparison.Ordinal);
        sql = note >= 0 ? sql[..note].TrimEnd() : sql;
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
