using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Minsheng.Domain.Access;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// Declaring who may select a field, next to the field: <c>Field(...).Requires(Permission.EditPlans)</c>, or for
/// every field of an object type at once, in its constructor: <c>this.RequiresForFields(Permission.ReadTenantData)</c>.
/// A field's own rule wins over its type's. <see cref="FieldAccessRule"/> enforces the rules on every request, and
/// a field with no rule at all is refused (a test walks the schema so that none ships).
/// </summary>
public static class FieldAccess
{
    public const string MetadataKey = "minsheng:access";

    public static FieldBuilder<TSource, TReturn> Requires<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Permission permission) =>
        field.WithMetadata(MetadataKey, AccessRule.Requires(permission));

    public static FieldBuilder<TSource, TReturn> RequiresAny<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params Permission[] permissions) =>
        field.WithMetadata(MetadataKey, AccessRule.RequiresAny(permissions));

    /// <summary>Anyone may select it, signed in or not (shared reference data).</summary>
    public static FieldBuilder<TSource, TReturn> Public<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(MetadataKey, AccessRule.Public);

    /// <summary>The default rule of the type's fields.</summary>
    public static void RequiresForFields(this IComplexGraphType type, Permission permission) => type.Metadata[MetadataKey] = AccessRule.Requires(permission);

    /// <summary>Every field of the type is readable by anyone (shared reference data).</summary>
    public static void PublicFields(this IComplexGraphType type) => type.Metadata[MetadataKey] = AccessRule.Public;

    /// <summary>
    /// The type is only reached through a field that was checked (a connection's edges, a mutation's payload), so
    /// its fields need nothing more than that field did.
    /// </summary>
    public static void ReachedThroughCheckedField(this IComplexGraphType type) => type.Metadata[MetadataKey] = AccessRule.ThroughParent;

    /// <summary>The rule of a field: its own, else its type's; null when neither declares one.</summary>
    public static AccessRule? RuleOf(IFieldType field, IGraphType? parent) =>
        field.GetMetadata<AccessRule?>(MetadataKey) ?? (parent as IProvideMetadata)?.GetMetadata<AccessRule?>(MetadataKey);
}
