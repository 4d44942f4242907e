using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Identity.Development;

namespace Minsheng.Api.Tests.Leaks;

/// <summary>
/// Issue #16's leak suite, generated from the schema the server serves, so a field added later is attacked without
/// anyone editing this file. The sibling county 卧龙区 (411303) is the victim; 宛城区 (411302) attacks with its
/// user holding every role a tenant can give (bound to all its units) and with its dashboard client's token:
/// <list type="bullet">
/// <item>the victim's ids are harvested through the schema (every node type, users, dashboard clients);</item>
/// <item>every query field is asked for every foreign id it takes (node, plan, project, filter ids …) and every list
/// field is read: no foreign id may appear in any answer;</item>
/// <item>every mutation gets a foreign id in each of its id fields in turn (the others filled with the attacker's
/// own): it must be refused as not found (or bad input), and the same call with the attacker's own ids must
/// succeed, so the refusal is about the id and nothing else;</item>
/// <item>the victim's own token, naming the attacker's tenant, is refused on every query field;</item>
/// <item>the victim's rows (every table with a tenant_id) are byte-for-byte the same afterwards.</item>
/// </list>
/// </summary>
public sealed class SchemaLeakSuite(LeakFactory factory)
{
    public const string Attacker = "411302";
    public const string Victim = "411303";

    private readonly ISchema _schema = Initialized(factory.Services.GetRequiredService<ISchema>());
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, int> _counts = [];
    private int _unique;

    public IReadOnlyList<string> Problems => _problems;

    public string Summary => string.Join(", ", _counts.Select(kv => $"{kv.Key}: {kv.Value}"));

    private static ISchema Initialized(ISchema schema)
    {
        schema.Initialize();
        return schema;
    }

    public async Task RunAsync()
    {
        var victimAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync($"{Victim}-tenant-admin")).AccessToken);
        var attackerAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync($"{Attacker}-tenant-admin")).AccessToken);
        // The attacker holds every role a tenant can give, bound to all its units, so that no attack is stopped by a
        // missing permission before it reaches the foreign id.
        var ownUnits = (await attackerAdmin.QueryAsync("{ units { id } }")).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToArray();
        await attackerAdmin.QueryAsync("mutation($roles: [String!], $units: [ID!]) { createUser(input: { userName: \"leak-attacker\", displayName: \"攻击者\", password: \"attack-2026\", roles: $roles, unitIds: $units }) { id } }",
            new { roles = Minsheng.Domain.Access.Roles.TenantRoles, units = ownUnits });
        attackerAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("leak-attacker", "attack-2026")).AccessToken);
        var attackerDashboard = new GraphQLClient(factory.CreateClient(), null,
            (await factory.ClientCredentialsAsync(DevelopmentAccounts.CountyClientId, DevelopmentAccounts.CountyClientSecret)).AccessToken);
        // The victim has a dashboard client too, so that its id can be tried.
        await victimAdmin.QueryAsync("mutation { registerDashboardClient(input: { name: \"卧龙区大屏\" }) { client { id } } }");

        var foreign = await HarvestAsync(victimAdmin);
        var own = await HarvestAsync(attackerAdmin);
        var covered = NodeTypeNames().Append("User").Append("DashboardClient").ToList();
        foreach (var type in covered.Where(t => !foreign.ContainsKey(t)))
            _problems.Add($"no id of the victim's {type} was found to attack with: the harvest must reach every node type");
        var foreignIds = foreign.Values.SelectMany(ids => ids).ToHashSet();
        Count("victim ids harvested", foreignIds.Count);

        var before = await factory.TenantDigestAsync(Victim);
        await AttackQueriesAsync(attackerAdmin, "tenant admin", foreign, foreignIds);
        await AttackQueriesAsync(attackerDashboard, "dashboard client", foreign, foreignIds);
        await AttackMutationsAsync(attackerAdmin, foreign, own);
        await AttackWithVictimTokenAsync(victimAdmin);
        if (await factory.TenantDigestAsync(Victim) != before) _problems.Add("the victim's rows changed during the attacks");
    }

    // ---- harvest ----

    /// <summary>
    /// (type name → global ids) of everything the caller can reach: the list fields two levels deep, then, round by
    /// round, the objects below a few ids of each type found so far, through <c>node</c> (twenty to a request, the
    /// root-field limit), until nothing new turns up.
    /// </summary>
    private async Task<Dictionary<string, List<string>>> HarvestAsync(GraphQLClient client)
    {
        var found = new Dictionary<string, List<string>>();
        foreach (var field in _schema.Query.Fields.Where(f => !HasRequiredArguments(f)))
        {
            var selection = Select(field.ResolvedType!, 1);
            if (selection.Length == 0) continue;
            var response = await client.PostAsync($"{{ {field.Name} {selection} }}");
            if (response.HasErrors) _problems.Add($"harvest {field.Name}: {response.Body.GetRawText()}");
            else Collect(JsonNode.Parse(response.Data.GetRawText()), found);
        }
        var expanded = new HashSet<string>();
        for (var round = 0; round < 4; round++)
        {
            var frontier = found.Values.SelectMany(ids => ids.Take(3)).Where(expanded.Add).ToList();
            if (frontier.Count == 0) break;
            foreach (var chunk in frontier.Chunk(20))
            {
                var document = "{ " + string.Join(" ", chunk.Select((id, i) => $"n{i}: node(id: \"{id}\") {Select(_schema.Query.GetField("node")!.ResolvedType!, 1)}")) + " }";
                var response = await client.PostAsync(document);
                if (response.HasErrors) _problems.Add($"harvest through node: {response.Body.GetRawText()[..Math.Min(300, response.Body.GetRawText().Length)]}");
                else Collect(JsonNode.Parse(response.Data.GetRawText()), found);
            }
        }
        return found;
    }

    private static void Collect(JsonNode? node, Dictionary<string, List<string>> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["__typename"]?.GetValue<string>() is { } type && obj["id"]?.GetValue<string>() is { } id)
                {
                    if (!found.TryGetValue(type, out var ids)) found[type] = ids = [];
                    if (!ids.Contains(id)) ids.Add(id);
                }
                foreach (var (_, child) in obj) Collect(child, found);
                break;
            case JsonArray array:
                foreach (var child in array) Collect(child, found);
                break;
        }
    }

    // ---- reads ----

    private async Task AttackQueriesAsync(GraphQLClient attacker, string who, Dictionary<string, List<string>> foreign, HashSet<string> foreignIds)
    {
        foreach (var field in _schema.Query.Fields)
        {
            var selection = Select(field.ResolvedType!, 1);
            var idArguments = IdPaths(field).ToList();
            if (idArguments.Count == 0)
            {
                if (HasRequiredArguments(field)) continue;
                await ExpectNoForeignDataAsync(attacker, who, $"{{ {field.Name} {selection} }}", null, foreignIds);
                continue;
            }
            foreach (var path in idArguments)
            {
                foreach (var type in TargetTypes(field, path))
                {
                    if (!foreign.TryGetValue(type, out var ids)) continue;
                    var variables = Arguments(field, path, ids[0], own: null);
                    await ExpectNoForeignDataAsync(attacker, who, Operation("query", field, selection), variables, foreignIds);
                }
            }
        }
    }

    private async Task ExpectNoForeignDataAsync(GraphQLClient attacker, string who, string document, object? variables, HashSet<string> foreignIds)
    {
        var response = await attacker.PostAsync(document, variables);
        Count($"reads as {who}", 1);
        var data = response.Body.TryGetProperty("data", out var d) ? d.GetRawText() : "";
        if (foreignIds.FirstOrDefault(data.Contains) is { } leaked)
            _problems.Add($"{who}: {document} {JsonSerializer.Serialize(variables)} returned the victim's {leaked}");
        if (response.HasErrors && response.ErrorCode() is not ("NOT_FOUND" or "BAD_USER_INPUT" or "FORBIDDEN"))
            _problems.Add($"{who}: {document} answered {response.Status} {response.ErrorCode()}: {response.ErrorMessage()}");
        if (response.Status >= 500) _problems.Add($"{who}: {document} answered {response.Status}");
    }

    // ---- writes ----

    private async Task AttackMutationsAsync(GraphQLClient attacker, Dictionary<string, List<string>> foreign, Dictionary<string, List<string>> own)
    {
        foreach (var field in _schema.Mutation!.Fields)
        {
            var selection = Select(field.ResolvedType!, 1, withScalars: true);
            foreach (var path in IdPaths(field))
            {
                var type = TargetTypes(field, path).Single();
                if (!foreign.TryGetValue(type, out var ids)) continue;
                var response = await attacker.PostAsync(Operation("mutation", field, selection), Arguments(field, path, ids[0], own));
                Count("mutations with a foreign id", 1);
                var refused = response.HasErrors && response.ErrorCode() is "NOT_FOUND" or "BAD_USER_INPUT";
                var payloadRefusal = response.HasErrors is false && field.Name == "importPlan"
                    && response.Data.GetProperty(field.Name).TryGetProperty("succeeded", out var ok) && !ok.GetBoolean();
                if (!refused && !payloadRefusal)
                    _problems.Add($"{field.Name} with the victim's {type} in {path}: {response.Status} {response.Body.GetRawText()[..Math.Min(300, response.Body.GetRawText().Length)]}");
            }
        }
        // Controls, after every attack: the same calls with the attacker's own ids go through, so each refusal above
        // was for the foreign id and not for an input the generator got wrong.
        foreach (var field in _schema.Mutation!.Fields.Where(f => f.Name.StartsWith("create", StringComparison.Ordinal) || f.Name.StartsWith("update", StringComparison.Ordinal)))
        {
            foreach (var path in IdPaths(field))
            {
                var type = TargetTypes(field, path).Single();
                if (!own.TryGetValue(type, out var ids)) continue;
                var response = await attacker.PostAsync(Operation("mutation", field, Select(field.ResolvedType!, 1)), Arguments(field, path, ids[0], own));
                Count("controls with own ids", 1);
                if (response.HasErrors) _problems.Add($"control {field.Name} with the attacker's own {type} in {path} failed: {response.Body.GetRawText()}");
            }
        }
    }

    private async Task AttackWithVictimTokenAsync(GraphQLClient victim)
    {
        foreach (var field in _schema.Query.Fields.Where(f => !HasRequiredArguments(f)))
        {
            var response = await new GraphQLClient(factory.CreateClient(), Attacker, victim.AccessToken).PostAsync($"{{ {field.Name} {Select(field.ResolvedType!, 1)} }}");
            Count("victim token naming the attacker's tenant", 1);
            if (response.Status != 403 || response.ErrorCode() != "FORBIDDEN" || response.Body.TryGetProperty("data", out _))
                _problems.Add($"{field.Name} with the victim's token and X-Tenant {Attacker}: {response.Status} {response.Body.GetRawText()}");
        }
    }

    // ---- documents from the schema ----

    /// <summary>A selection of everything with an id reachable from <paramref name="type"/> within <paramref name="depth"/> levels.</summary>
    private string Select(IGraphType type, int depth, bool withScalars = false)
    {
        var named = type.GetNamedType();
        if (named is not IComplexGraphType complex) return "";
        var parts = new List<string> { "__typename" };
        if (withScalars)
            parts.AddRange(complex.Fields.Where(f => !HasRequiredArguments(f) && f.ResolvedType!.GetNamedType() is ScalarGraphType or EnumerationGraphType && f.Name != "id")
                .Select(f => f.Name));
        if (complex.HasField("id")) parts.Add("id");
        if (named is IInterfaceGraphType && named.Name == "Node")
            parts.AddRange(NodeTypes().Select(t => $"... on {t.Name} {Select(t, depth)}"));
        else if (depth > 0)
        {
            foreach (var field in complex.Fields.Where(f => !HasRequiredArguments(f)))
            {
                var sub = Select(field.ResolvedType!, depth - 1);
                if (sub.Length > 0 && sub != "{ __typename }") parts.Add(field.Name + " " + sub);
            }
        }
        return "{ " + string.Join(" ", parts) + " }";
    }

    private static string Operation(string kind, FieldType field, string selection)
    {
        var declarations = field.Arguments?.Select(a => $"${a.Name}: {TypeReference(a.ResolvedType!)}") ?? [];
        var arguments = field.Arguments?.Select(a => $"{a.Name}: ${a.Name}") ?? [];
        var args = field.Arguments is { Count: > 0 } ? $"({string.Join(", ", arguments)})" : "";
        var vars = field.Arguments is { Count: > 0 } ? $"({string.Join(", ", declarations)})" : "";
        return $"{kind}{vars} {{ {field.Name}{args} {selection} }}";
    }

    private static string TypeReference(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeReference(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeReference(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>"id" for an ID argument, "input.planId" for an ID field of an input argument, "filter.unitId" …</summary>
    private static IEnumerable<string> IdPaths(FieldType field)
    {
        foreach (var argument in field.Arguments ?? [])
        {
            var named = argument.ResolvedType!.GetNamedType();
            if (named is IdGraphType) yield return argument.Name;
            else if (named is IInputObjectGraphType input)
                foreach (var inner in input.Fields.Where(f => f.ResolvedType!.GetNamedType() is IdGraphType))
                    yield return argument.Name + "." + inner.Name;
        }
    }

    /// <summary>
    /// The types whose ids an id path takes: what the argument or input field declares (its id metadata, set by
    /// <c>InputType.Id</c>/<c>Ids</c> and <c>AddDelete</c>), else the field's result type (<c>plan(id:)</c>), and for
    /// <c>node(id:)</c> every node type.
    /// </summary>
    private IEnumerable<string> TargetTypes(FieldType field, string path)
    {
        var parts = path.Split('.');
        var argument = field.Arguments!.Find(parts[0])!;
        var declared = parts.Length == 1
            ? argument.GetMetadata<string?>(GlobalId.TypeMetadataKey)
            : ((IInputObjectGraphType)argument.ResolvedType!.GetNamedType()).GetField(parts[1])!.GetMetadata<string?>(GlobalId.TypeMetadataKey);
        if (declared is not null) return [declared];
        var result = field.ResolvedType!.GetNamedType();
        return result.Name == "Node" ? NodeTypeNames() : [result.Name];
    }

    /// <summary>Variables for one call: <paramref name="path"/> gets <paramref name="target"/>, required fields get samples and own ids.</summary>
    private Dictionary<string, object?> Arguments(FieldType field, string path, string target, Dictionary<string, List<string>>? own)
    {
        var variables = new Dictionary<string, object?>();
        foreach (var argument in field.Arguments ?? [])
        {
            if (argument.Name == path) variables[argument.Name] = target;
            else if (argument.ResolvedType!.GetNamedType() is IInputObjectGraphType input && path.StartsWith(argument.Name + ".", StringComparison.Ordinal))
            {
                var value = new Dictionary<string, object?>();
                foreach (var inner in input.Fields)
                {
                    var isList = inner.ResolvedType!.GetNamedType() is IdGraphType && Unwrap(inner.ResolvedType!) is ListGraphType;
                    if ($"{argument.Name}.{inner.Name}" == path) value[inner.Name] = isList ? new[] { target } : target;
                    else if (inner.ResolvedType is NonNullGraphType || AlwaysFilled.Contains(inner.Name))
                        value[inner.Name] = Sample(field, $"{argument.Name}.{inner.Name}", inner.Name, inner.ResolvedType!, own);
                }
                variables[argument.Name] = value;
            }
            else if (argument.ResolvedType is NonNullGraphType) variables[argument.Name] = Sample(field, argument.Name, argument.Name, argument.ResolvedType, own);
        }
        return variables;
    }

    /// <summary>Optional in the schema, required by the rules behind it.</summary>
    private static readonly HashSet<string> AlwaysFilled = ["roles"];

    private object? Sample(FieldType field, string path, string name, IGraphType type, Dictionary<string, List<string>>? own)
    {
        var named = type.GetNamedType();
        if (named is IdGraphType)
            return own is not null && TargetTypes(field, path).FirstOrDefault() is { } t && own.TryGetValue(t, out var ids) ? ids[0] : "bm90LWFuLWlk";
        return name switch
        {
            "userName" => $"leak-user-{Interlocked.Increment(ref _unique)}",
            "password" => "leak-pass-2026",
            "roles" => new[] { "viewer" },
            "fileName" => "003.txt",
            // A real plan the importer reads, so that a foreign replacePlanId is what gets refused, not the document.
            "contentBase64" => Convert.ToBase64String(File.ReadAllBytes(RepositoryPaths.Seed("003_e2b3581a32b51649.txt"))),
            "year" => 2024,
            "regionCode" => Attacker,
            _ => named switch
            {
                StringGraphType => "泄漏测试",
                IntGraphType => 1,
                BooleanGraphType => false,
                EnumerationGraphType e => e.Values.First().Name,
                IInputObjectGraphType input => input.Fields.Where(f => f.ResolvedType is NonNullGraphType)
                    .ToDictionary(f => f.Name, f => Sample(field, path + "." + f.Name, f.Name, f.ResolvedType!, own)),
                _ when named.Name == "Decimal" => 1,
                _ when named.Name == "DateOnly" => "2024-12-31",
                _ => "泄漏测试",
            },
        };
    }

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;

    private static bool HasRequiredArguments(FieldType field) => field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true;

    private IEnumerable<IObjectGraphType> NodeTypes() =>
        _schema.AllTypes.OfType<IObjectGraphType>().Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node"));

    private IEnumerable<string> NodeTypeNames() => NodeTypes().Select(t => t.Name);

    private void Count(string what, int n) => _counts[what] = _counts.GetValueOrDefault(what) + n;
}
