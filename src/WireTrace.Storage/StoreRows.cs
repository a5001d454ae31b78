using System.Data.Common;

namespace WireTrace.Storage;

/// <summary>Rows read the same way from either store (both drivers derive from <see cref="DbCommand"/>).</summary>
internal static class StoreRows
{
    /// <summary>Column <paramref name="i"/> as a string, or null for SQL NULL.</summary>
    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The first column of every row, as strings.</summary>
    public static List<string> ReadStrings(DbCommand cmd)
    {
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Assignments from rows of <c>article_id, story_id, source, parent, relation, confidence</c>.</summary>
    public static List<StoryAssignment> ReadAssignments(DbCommand cmd)
    {
        var list = new List<StoryAssignment>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new StoryAssignment(r.GetString(0), r.GetString(1), r.GetString(2), Str(r, 3), r.GetString(4), r.GetDouble(5)));
        return list;
    }
}
