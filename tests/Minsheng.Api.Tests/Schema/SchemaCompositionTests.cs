using Minsheng.Domain.Access;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Projects;
using Minsheng.Data.Reading;
using Minsheng.GraphQL.Abstractions;
using Minsheng.GraphQL.Projects;
using Minsheng.GraphQL.Units;

namespace Minsheng.Api.Tests.Schema;

/// <summary>
/// A concept added the way a plugin will add one: a contributor registered in DI, nothing else edited. Its root
/// field, its connection (the generic one), its mutation with a typed input, and its nodes must all work.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaCompositionTests(ApiFactory factory)
{
    /// <summary>A made-up "memo" concept: rows kept in memory, so only the composition is under test.</summary>
    private sealed record MemoRow(Guid Id, string Text);

    private sealed class MemoType : ObjectGraphType<MemoRow>
    {
        public const string TypeName = "Memo";

        public MemoType()
        {
            Name = TypeName;
            this.RequiresForFields(Permission.ReadTenantData);
            Interface<NodeInterface>();
            Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
            Field(m => m.Text);
            IsTypeOf = o => o is MemoRow;
        }
    }

    private sealed class MemoConnectionType() : ConnectionType<MemoType, MemoRow>(MemoType.TypeName);

    private sealed record AddMemo(string Text, int Copies);

    private sealed class AddMemoInputType : InputType<AddMemo>
    {
        private readonly InputField<string> _text;
        private readonly InputField<int?> _copies;

        public AddMemoInputType()
        {
            Name = "AddMemoInput";
            _text = Required<StringGraphType, string>("text");
            _copies = Optional<IntGraphType, int?>("copies");
        }

        public override AddMemo Read(InputValues input) => new(input.Get(_text), input.Get(_copies) ?? 1);
    }

    private sealed class MemosContributor : ISchemaContributor
    {
        private static readonly List<MemoRow> Memos = [new(Guid.CreateVersion7(), "第一"), new(Guid.CreateVersion7(), "第二"), new(Guid.CreateVersion7(), "第三")];

        public void Contribute(SchemaComposition schema)
        {
            schema.AddNode(MemoType.TypeName, (_, id) => Memos.FirstOrDefault(m => m.Id == id));
            schema.Query.Field<NonNullGraphType<MemoConnectionType>>("memos").Requires(Permission.ReadTenantData)
                .Arguments(Paging.Arguments(maxPageSize: 10))
                .Resolve(c =>
                {
                    var request = c.PageRequest();
                    var start = request.After is null ? 0 : Memos.FindIndex(m => m.Id.ToString() == request.After) + 1;
                    var rows = Memos.Skip(start).Take(request.First).Select(m => new Edge<MemoRow>(m, m.Id.ToString())).ToList();
                    return new Page<MemoRow>(rows, start + rows.Count < Memos.Count, start > 0, request.IncludeTotal ? Memos.Count : null);
                });
            schema.Mutation.AddMutation<AddMemoInputType, AddMemo, ListGraphType<NonNullGraphType<StringGraphType>>>("addMemo", Permission.EditPlans,
                (_, input) => Task.FromResult<object?>(Enumerable.Repeat(input.Text, input.Copies).ToList()));
        }
    }

    /// <summary>A field on a core type, added from outside: how a plugin puts its data on Project.</summary>
    private sealed class ProjectMemoExtension : ITypeExtension<ProjectType>
    {
        public void Extend(ProjectType type) =>
            type.Field<NonNullGraphType<StringGraphType>>("memo").Requires(Permission.ReadTenantData).Resolve(c => "备忘：" + ((ProjectRow)c.Source!).Name);
    }

    private HttpClient Client() => factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
    {
        services.AddSchemaContributor<MemosContributor>();
        services.AddTypeExtension<ProjectType, ProjectMemoExtension>();
        services.AddTransient<MemoType>();
        services.AddTransient<MemoConnectionType>();
        services.AddTransient<AddMemoInputType>();
    })).CreateClient();

    [Fact]
    public async Task A_contributor_adds_a_connection_a_mutation_nodes_and_a_field_on_a_core_type_without_touching_core_files()
    {
        var client = new GraphQLClient(Client(), "411302");

        var first = await client.QueryAsync("{ memos(first: 2) { totalCount edges { cursor node { id text } } pageInfo { hasNextPage endCursor } } }");
        var page = first.GetProperty("memos");
        var after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await client.QueryAsync("query($after: String) { memos(first: 2, after: $after) { nodes { text } pageInfo { hasNextPage hasPreviousPage } } }", new { after }))
            .GetProperty("memos");
        var id = page.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString();
        var node = await client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Memo { text } } }", new { id });
        var added = await client.QueryAsync("mutation { addMemo(input: { text: \"备忘\", copies: 2 }) }");
        var extended = (await client.QueryAsync("{ projects(first: 1) { nodes { name memo } } }")).GetProperty("projects").GetProperty("nodes")[0];

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("第三", second.GetProperty("nodes")[0].GetProperty("text").GetString());
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal("第一", node.GetProperty("node").GetProperty("text").GetString());
        Assert.Equal(["备忘", "备忘"], added.GetProperty("addMemo").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("备忘：" + extended.GetProperty("name").GetString(), extended.GetProperty("memo").GetString());
    }

    [Fact]
    public async Task The_core_schema_does_not_have_what_no_contributor_added()
    {
        var response = await factory.Client("411302").PostAsync("{ memos(first: 1) { totalCount } }");
        var extension = await factory.Client("411302").PostAsync("{ projects(first: 1) { nodes { memo } } }");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", extension.ErrorCode());
    }

    [Fact]
    public void Every_core_concept_is_a_contributor()
    {
        var contributors = typeof(UnitsContributor).Assembly.GetTypes().Where(t => typeof(ISchemaContributor).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.Namespace!.Split('.').Last()).Order().ToList();

        Assert.Equal(["Audit", "Bulletins", "ChangeControl", "Disclosure", "Importing", "Indicators", "Milestones", "Notifications", "Plans", "Plugins", "Plugins", "Plugins", "Plugins", "Projects", "Regions", "Reports", "Supervision", "Tenants", "Units"], contributors);
    }
}
