using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Npgsql;

namespace Minsheng.Application.Reading;

public enum ProjectOrder
{
    Sequence,
    Name,
    Deadline,
}

public sealed record ProjectFilter(Guid? PlanId = null, int? Year = null, string? CategoryCode = null, Guid? UnitId = null,
    string? Search = null, bool TopLevelOnly = false);

public sealed record ProjectEdge(ProjectRow Node, string Cursor);

public sealed record ProjectPage(IReadOnlyList<ProjectEdge> Edges, bool HasNextPage, bool HasPreviousPage, int? TotalCount);

/// <summary>
/// The project list: keyset pagination (a deep page costs what the first one does), filters, ordering,
/// and the total count sent in the same round trip when it is asked for.
/// </summary>
public sealed class ProjectQueries(ReadSession session)
{
    public const int MaxPageSize = 100;

    public async Task<ProjectPage> GetPageAsync(ProjectFilter filter, ProjectOrder order, int first, string? after, bool includeTotal, CancellationToken ct)
    {
        if (first is < 0 or > MaxPageSize) throw DomainException.Invalid("first", $"first must be between 0 and {MaxPageSize}.");
        var cursor = after is null ? null : Cursor.Decode(after, order);

        var sortKey = order switch
        {
            ProjectOrder.Name => "p.name",
            ProjectOrder.Deadline => "coalesce(p.deadline_date, DATE '9999-12-31')",
            _ => "p.sort_order",
        };

        var page = new ListQuery<(ProjectRow Row, string SortValue)>(tenantId =>
        {
            var where = Where(filter, tenantId, out var parameters);
            if (cursor is not null)
            {
                parameters.Add(cursor.Value.SortValue);
                var typed = order switch
                {
                    ProjectOrder.Name => $"${parameters.Count}",
                    ProjectOrder.Deadline => $"${parameters.Count}::date",
                    _ => $"${parameters.Count}::int",
                };
                parameters.Add(cursor.Value.Id);
                where += $" AND ({sortKey}, p.id) > ({typed}, ${parameters.Count})";
            }
            parameters.Add(first + 1);
            return Sql.Command(
                $"SELECT {Sql.ProjectColumns}, ({sortKey})::text FROM projects p WHERE {where} ORDER BY {sortKey}, p.id LIMIT ${parameters.Count}",
                [.. parameters]);
        }, r => (Sql.ReadProject(r), r.GetString(15)));

        ListQuery<int>? total = null;
        if (includeTotal)
        {
            total = new ListQuery<int>(tenantId =>
            {
                var where = Where(filter, tenantId, out var parameters);
                return Sql.Command($"SELECT count(*)::int FROM projects p WHERE {where}", [.. parameters]);
            }, r => r.GetInt32(0));
            session.Enqueue(total);
        }
        if (first == 0 && !includeTotal) return new ProjectPage([], false, cursor is not null, null);
        await session.RunAsync(page, ct);

        var rows = page.Rows;
        var edges = rows.Take(first).Select(x => new ProjectEdge(x.Row, Cursor.Encode(order, x.SortValue, x.Row.Id))).ToList();
        return new ProjectPage(edges, rows.Count > first, cursor is not null, total?.Rows.Single());
    }

    private static string Where(ProjectFilter filter, Guid tenantId, out List<object> parameters)
    {
        parameters = [tenantId];
        var where = new StringBuilder("p.tenant_id = $1");
        if (filter.PlanId is { } planId)
        {
            parameters.Add(planId);
            where.Append(CultureInfo.InvariantCulture, $" AND p.plan_id = ${parameters.Count}");
        }
        if (filter.Year is { } year)
        {
            parameters.Add(year);
            where.Append(CultureInfo.InvariantCulture, $" AND p.plan_id IN (SELECT pl.id FROM plans pl WHERE pl.tenant_id = $1 AND pl.year = ${parameters.Count})");
        }
        if (filter.CategoryCode is { } category)
        {
            parameters.Add(category);
            where.Append(CultureInfo.InvariantCulture, $" AND p.category_code = ${parameters.Count}");
        }
        if (filter.UnitId is { } unitId)
        {
            parameters.Add(unitId);
            where.Append(CultureInfo.InvariantCulture,
                $" AND EXISTS (SELECT 1 FROM project_units pu WHERE pu.tenant_id = $1 AND pu.project_id = p.id AND pu.unit_id = ${parameters.Count})");
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            parameters.Add("%" + EscapeLike(filter.Search.Trim()) + "%");
            where.Append(CultureInfo.InvariantCulture, $" AND (p.name ILIKE ${parameters.Count} OR p.content ILIKE ${parameters.Count})");
        }
        if (filter.TopLevelOnly) where.Append(" AND p.parent_id IS NULL");
        return where.ToString();
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Opaque to clients: the order it belongs to, the sort value and the id of the last row seen.</summary>
    private static class Cursor
    {
        public static string Encode(ProjectOrder order, string sortValue, Guid id) =>
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{(int)order}\n{id:N}\n{sortValue}"));

        public static (object SortValue, Guid Id)? Decode(string cursor, ProjectOrder order)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n', 3);
                if (parts.Length == 3 && parts[0] == ((int)order).ToString(CultureInfo.InvariantCulture) && Guid.TryParseExact(parts[1], "N", out var id))
                {
                    object? value = order switch
                    {
                        ProjectOrder.Name => parts[2],
                        ProjectOrder.Deadline => DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", out var d) ? d : null,
                        _ => int.TryParse(parts[2], CultureInfo.InvariantCulture, out var n) ? n : null,
                    };
                    if (value is not null) return (value, id);
                }
            }
            catch (FormatException)
            {
            }
            throw DomainException.Invalid("after", "The cursor is not one this list produced (or it belongs to another ordering).");
        }
    }
}
