using System.Text;
using Minsheng.Domain.Regions;

namespace Minsheng.Data.Reference;

/// <summary>
/// The GB/T 2260 division list shipped with the application (<c>Reference/regions.tsv</c>, see the README
/// beside it). Tenants can only be created for a region in this list.
/// </summary>
public static class RegionReferenceData
{
    private const string ResourceName = "Minsheng.Data.Reference.regions.tsv";

    /// <summary>Every shipped region, in file order (each province, then its prefectures and counties).</summary>
    public static IReadOnlyList<Region> Load()
    {
        using var stream = typeof(RegionReferenceData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var regions = new List<Region>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 4 || !Enum.TryParse<RegionLevel>(fields[2], out var level))
                throw new InvalidDataException($"regions.tsv line {lineNumber} is not <code> <name> <level> <parent>: {line}");
            regions.Add(new Region(fields[0], fields[1], level, fields[3].Length == 0 ? null : fields[3]));
        }
        return regions;
    }

    /// <summary>
    /// One statement that inserts every shipped region, or corrects the name, level and parent of one that
    /// exists (e.g. loaded by the demo data). Rows not in the list are left alone: tenants may refer to them.
    /// </summary>
    public static string UpsertSql()
    {
        var sql = new StringBuilder("INSERT INTO regions (code, name, level, parent_code) VALUES\n");
        var first = true;
        foreach (var region in Load())
        {
            if (!first) sql.Append(",\n");
            first = false;
            // Codes are six digits (checked by Region) and levels enum names; only the name needs quoting.
            sql.Append($"('{region.Code}', '{region.Name.Replace("'", "''")}', '{region.Level}', ")
               .Append(region.ParentCode is null ? "NULL" : $"'{region.ParentCode}'").Append(')');
        }
        sql.Append("""

            ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
            WHERE (regions.name, regions.level, regions.parent_code) IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code);
            """);
        return sql.ToString();
    }
}
