using Minsheng.Application.Common;
using Minsheng.Domain.Plans;
using Npgsql;

namespace Minsheng.Application.Plans;

/// <summary>A plan as the API shows it. Read straight from SQL; the write model (Minsheng.Domain) guards changes.</summary>
public sealed record PlanRow(Guid Id, int Year, string Title, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn,
    string? Approval, PlanStatus Status, string? SourceDocumentName)
{
    /// <summary>What <see cref="Read"/> expects, from <c>plans</c> aliased <c>p</c>.</summary>
    internal const string Columns = "p.id, p.year, p.title, p.issuer, p.document_number, p.issued_on, p.approval, p.status, p.source_document_name";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static PlanRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetInt32(o + 1), r.GetString(o + 2), Sql.NullableString(r, o + 3), Sql.NullableString(r, o + 4),
        r.IsDBNull(o + 5) ? null : r.GetFieldValue<DateOnly>(o + 5), Sql.NullableString(r, o + 6),
        Enum.Parse<PlanStatus>(r.GetString(o + 7)), Sql.NullableString(r, o + 8));
}
