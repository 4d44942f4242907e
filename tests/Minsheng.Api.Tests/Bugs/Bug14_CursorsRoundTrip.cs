using Minsheng.Testing;

namespace Minsheng.Api.Tests.Bugs;

/// <summary>Issue 14 §2: a project name with a line break broke the NAME ordering's after cursors.</summary>
[Collection(ApiCollection.Name)]
public sealed class Bug14_CursorsRoundTrip(ApiFactory factory)
{
    private const string ByName = """
        query($after: String) { projects(first: 1, orderBy: NAME, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }
        """;

    [Theory]
    [InlineData("第一行\n第二行")]
    [InlineData("a,b;c\\d\"e")]
    [InlineData("x\r\n\ty")]
    public async Task Any_name_round_trips_through_an_after_cursor(string oddName)
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var first = (await client.QueryAsync("{ projects(first: 1, orderBy: NAME) { edges { node { id } } } }"))
            .GetProperty("projects").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString();
        // An odd name that sorts first ("\r…" and "a…" before the Chinese names; "第…" among them).
        await client.QueryAsync("mutation($id: ID!, $name: String!) { updateProject(input: { id: $id, name: $name }) { id } }", new { id = first, name = oddName });

        var names = new List<string>();
        string? after = null;
        for (var page = 0; page < 5; page++)
        {
            var projects = (await client.QueryAsync(ByName, new { after })).GetProperty("projects");
            names.AddRange(projects.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!));
            if (!projects.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = projects.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(3, names.Count);
        Assert.Contains(oddName, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("WyIxIiwiMDAwIiwiYVx1MDAwMGIiXQ")] // ["1","000","a\u0000b"]
    [InlineData("IjEi")] // "1": JSON, but not an array
    public async Task A_forged_cursor_is_bad_input(string cursor)
    {
        var client = factory.Client("411302");

        var response = await client.PostAsync(ByName, new { after = cursor });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }
}
