using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Domain.Access;
using Minsheng.GraphQL.Abstractions;

namespace Minsheng.Api.Tests.Schema;

/// <summary>
/// Issue #16 §5: every field of the served schema declares who may select it. The walk covers whatever is composed
/// (core modules, identity, later plugins), so a field added without a rule fails here before it ships; at run time
/// such a field is refused to everyone (fail closed).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FieldAccessDeclarationTests(ApiFactory factory)
{
    /// <summary>"Type.field" of every field without a rule. Root fields must declare their own: Query and Mutation have no default.</summary>
    public static IReadOnlyList<string> Undeclared(ISchema schema)
    {
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (type is IInputObjectGraphType) continue;
            foreach (var field in type.Fields)
            {
                var rule = FieldAccess.RuleOf(field, type);
                if (rule is null) missing.Add($"{type.Name}.{field.Name}");
            }
        }
        return missing;
    }

    [Fact]
    public void Every_field_of_the_served_schema_declares_an_access_rule()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();

        Assert.Empty(Undeclared(schema));
        Assert.True(schema.Query.Fields.Count >= 10 && schema.Mutation!.Fields.Count >= 20, "the walk saw the whole schema");
    }

    [Fact]
    public void Root_fields_declare_their_own_rule_and_only_reference_data_is_public()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var roots = schema.Query.Fields.Concat(schema.Mutation!.Fields).ToList();

        var inherited = roots.Where(f => f.GetMetadata<AccessRule?>(FieldAccess.MetadataKey) is null).Select(f => f.Name).ToList();
        var open = roots.Where(f => f.GetMetadata<AccessRule?>(FieldAccess.MetadataKey) is { Required: null }).Select(f => f.Name).Order().ToList();
        var writesThatOnlyRead = schema.Mutation.Fields
            .Where(f => f.GetMetadata<AccessRule?>(FieldAccess.MetadataKey)?.Required is null or Permission.ReadTenantData).Select(f => f.Name).ToList();

        Assert.Empty(inherited);
        // Reference data, the caller itself, and what tenants published (PublicDisclosureTests proves it reaches nothing else).
        Assert.Equal(["me", "publicDisclosure", "regions"], open);
        Assert.Empty(writesThatOnlyRead);
    }

    [Fact]
    public void The_walk_finds_a_field_that_declares_nothing()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("declared").Requires(Permission.ReadTenantData).Resolve(_ => "");
        query.Field<StringGraphType>("forgotten").Resolve(_ => "");
        var schema = new global::GraphQL.Types.Schema { Query = query };

        Assert.Equal(["Query.forgotten"], Undeclared(schema));
    }
}
