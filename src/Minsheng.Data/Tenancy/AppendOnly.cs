using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Marks a tenant-owned entity whose rows the application may add and read but never change or remove (the
/// audit trail). A model annotation rather than a table name in code: the migrations SQL generator reads it
/// when it grants the application role its privileges on the table.
/// </summary>
public static class AppendOnly
{
    public const string Annotation = "Minsheng:AppendOnly";

    public static EntityTypeBuilder<T> IsAppendOnly<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.HasAnnotation(Annotation, true);

    /// <summary>Whether <paramref name="model"/> maps an append-only entity to this table.</summary>
    public static bool IsAppendOnlyTable(this IModel model, string table, string? schema) =>
        model.GetRelationalModel().FindTable(table, schema)?.EntityTypeMappings.Any(m => IsMarked(m.TypeBase)) ?? false;

    private static bool IsMarked(IReadOnlyAnnotatable annotatable) => annotatable.FindAnnotation(Annotation)?.Value is true;
}
