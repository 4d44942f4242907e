using Minsheng.Application.Plugins;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.GraphQL.Plugins;

/// <summary>An installed plugin, and whether the tenant enabled it.</summary>
public sealed class InstalledPluginType : ObjectGraphType<PluginRow>
{
    public InstalledPluginType()
    {
        Name = "InstalledPlugin";
        Description = "A plugin this server runs: the rules that differ by province or level. A tenant's schema has the fields of the plugins it enabled.";
        this.ReachedThroughCheckedField();
        // Not "id": ids in this schema are global ids of tenant objects; a plugin is shared and named by its own stable key.
        Field<NonNullGraphType<StringGraphType>>("pluginId").Description("The plugin's stable id, as configurePlugins takes it.").Resolve(c => c.Source.Manifest.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Manifest.Name);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(c => c.Source.Manifest.Version);
        Field<StringGraphType>("description").Resolve(c => c.Source.Manifest.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dependsOn").Resolve(c => c.Source.Manifest.DependsOn);
        Field(p => p.Enabled).Description("Whether the current tenant enabled it.");
    }
}

public sealed record ConfigurePlugins(IReadOnlyList<string> Enabled);

public sealed class ConfigurePluginsInputType : InputType<ConfigurePlugins>
{
    private readonly InputField<IReadOnlyList<string>> _enabled;

    public ConfigurePluginsInputType()
    {
        Name = "ConfigurePluginsInput";
        _enabled = Required<ListGraphType<NonNullGraphType<StringGraphType>>, IReadOnlyList<string>>("enabled",
            "The ids of every plugin the tenant runs (the others are turned off); a plugin's dependencies must be among them.",
            value => ((IEnumerable<object?>)value).Select(v => v as string ?? "").ToList());
    }

    public override ConfigurePlugins Read(InputValues input) => new(input.Get(_enabled));
}

/// <summary>The plugin administration: what is installed, and which of it a tenant runs.</summary>
public sealed class PluginsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstalledPluginType>>>>("installedPlugins").Requires(Permission.ReadTenantData)
            .Description("The plugins this server runs, in dependency order, each with whether the current tenant enabled it.")
            .Resolve(c => c.Service<PluginAdministration>().List());
        schema.Mutation.AddMutation<ConfigurePluginsInputType, ConfigurePlugins, ListGraphType<NonNullGraphType<InstalledPluginType>>>("configurePlugins",
            Permission.ConfigureTenant, async (c, input) => await c.Service<PluginAdministration>().SetEnabledAsync(input.Enabled, c.CancellationToken),
            "Sets which plugins the tenant runs (tenant administrators); its schema and rules follow at once. Audited.");
    }
}

/// <summary>
/// The fields a categorization shows wherever it appears — a stored project's, or one of a document being imported —
/// so the two types differ only in how they name a target (an indicator, or the document's label).
/// </summary>
internal static class CategorizationFields
{
    public static void AddCategorizationFields<T>(this ObjectGraphType<T> type, Func<T, ProjectCategorization> of)
    {
        type.Field<NonNullGraphType<EnumerationGraphType<ProjectLevel>>>("level").Description("PROVINCIAL 省定, MUNICIPAL 市定, LOCAL 本级.")
            .Resolve(c => of(c.Source).Level);
        type.Field<NonNullGraphType<EnumerationGraphType<CategorizationBasis>>>("basis").Description("TAG: the name's （省定）/（市定）; CATALOG: a catalog task's words; NONE.")
            .Resolve(c => of(c.Source).Basis);
        type.Field<CatalogTaskType>("task").Description("The higher level's task it carries out, if it matches one.").Resolve(c => of(c.Source).Task);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("matchedWords").Description("The words that matched.")
            .Resolve(c => of(c.Source).MatchedWords);
        type.Field<NonNullGraphType<BooleanGraphType>>("doubtful").Description("A person should confirm it (the explanation says why; an import lists it among its warnings).")
            .Resolve(c => of(c.Source).Doubtful);
        type.Field<NonNullGraphType<StringGraphType>>("explanation").Resolve(c => of(c.Source).Explanation);
    }

    public static void AddTargetMatchFields<T>(this ObjectGraphType<T> type, Func<T, TargetMatch> of)
    {
        type.Field<NonNullGraphType<StringGraphType>>("aggregationKey").Resolve(c => of(c.Source).AggregationKey);
        type.Field<NonNullGraphType<StringGraphType>>("unit").Description("The catalog's unit.").Resolve(c => of(c.Source).Unit);
        type.Field<NonNullGraphType<DecimalGraphType>>("factor").Description("Catalog units per unit of the target (10000 for 万).").Resolve(c => of(c.Source).Factor);
    }
}

/// <summary>A project's categorization with its targets resolved to the project's indicators, and what of it counts in roll-ups.</summary>
public sealed record CategorizationView(ProjectCategorization Categorization, IReadOnlyList<CategorizedTarget> Targets, bool Counted);

/// <summary>A project's target as the plugins match it to a catalog target, and whether a person confirmed it to count.</summary>
public sealed record CategorizedTarget(IndicatorRow Indicator, TargetMatch Match, bool Counted);

public sealed class ProjectCategorizationType : ObjectGraphType<CategorizationView>
{
    public ProjectCategorizationType()
    {
        Name = "ProjectCategorization";
        Description = "省定/市定/本级 as the tenant's plugins see the project, why, and whether a person should confirm it.";
        this.ReachedThroughCheckedField();
        this.AddCategorizationFields(v => v.Categorization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategorizedTargetType>>>>("targets")
            .Description("The project's targets matching a catalog target's aggregation key.").Resolve(c => c.Source.Targets);
        Field<NonNullGraphType<BooleanGraphType>>("counted")
            .Description("Whether its targets count in the higher levels' roll-ups: only once a person confirmed it (confirmCategorizations).")
            .Resolve(c => c.Source.Counted);
    }
}

public sealed class CategorizedTargetType : ObjectGraphType<CategorizedTarget>
{
    public CategorizedTargetType()
    {
        Name = "CategorizedTarget";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<Indicators.IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        this.AddTargetMatchFields(t => t.Match);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("matchedWords").Resolve(c => c.Source.Match.MatchedWords);
        Field<NonNullGraphType<BooleanGraphType>>("counted").Description("Counted in roll-ups under this key (confirmed, and its unit unchanged since).")
            .Resolve(c => c.Source.Counted);
    }
}

public sealed class CatalogTaskType : ObjectGraphType<CatalogTask>
{
    public CatalogTaskType()
    {
        Name = "CatalogTask";
        Description = "A higher level's task for a year (e.g. a provincial 民生实事), with the targets it is counted by.";
        this.ReachedThroughCheckedField();
        Field(t => t.Key).Description("Stable key.");
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<ProjectLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogTargetType>>>>("targets").Resolve(c => c.Source.Targets);
    }
}

public sealed class CatalogTargetType : ObjectGraphType<CatalogTarget>
{
    public CatalogTargetType()
    {
        Name = "CatalogTarget";
        this.ReachedThroughCheckedField();
        Field(t => t.Key).Description("The aggregation key: every tenant's matching target adds up under it.");
        Field(t => t.Label);
        Field(t => t.Unit);
    }
}

/// <summary>Project.categorization: only in schemas whose plugins categorize projects.</summary>
public sealed class ProjectCategorizationFields : ITypeExtension<Projects.ProjectType>
{
    public void Extend(Projects.ProjectType type) =>
        type.Field<ProjectCategorizationType>("categorization").Requires(Permission.ReadTenantData)
            .Description("省定/市定/本级 by the tenant's plugins, with the catalog task it matches and why; null when no plugin has an opinion.")
            .Resolve(c =>
            {
                var plan = c.Load<PlanByIdLoader, PlanRow?>(c.Source.PlanId);
                var targets = c.Load<IndicatorsByProjectLoader, IReadOnlyList<IndicatorRow>>(c.Source.Id);
                var links = c.Load<CatalogLinksByProjectLoader, IReadOnlyList<CatalogLinkRow>>(c.Source.Id);
                return new DeferredResult<CategorizationView?>(new global::Minsheng.Data.Reading.Deferred<CategorizationView?>(async ct =>
                {
                    var year = (await plan.GetResultAsync(ct))!.Year;
                    var indicators = await targets.GetResultAsync(ct);
                    if (c.Service<ProjectCategorizations>().Categorize(c.Source, year, indicators) is not { } found) return null;
                    var counted = (await links.GetResultAsync(ct)).ToDictionary(l => l.IndicatorId);
                    var matched = found.Targets.Where(t => t.Position < indicators.Count)
                        .Select(t => (Indicator: indicators[t.Position], Match: t))
                        .Select(m => new CategorizedTarget(m.Indicator, m.Match, counted.TryGetValue(m.Indicator.Id, out var link)
                            && link.AggregationKey == m.Match.AggregationKey && link.Unit == m.Indicator.Unit))
                        .ToList();
                    return new CategorizationView(found, matched, matched.Any(t => t.Counted));
                }));
            })
            .LoadsAlongWithPage(typeof(IndicatorsByProjectLoader));
}

public sealed record ConfirmCategorizations(IReadOnlyList<Guid> ProjectIds, bool Count);

public sealed class ConfirmCategorizationsInputType : InputType<ConfirmCategorizations>
{
    private readonly InputField<IReadOnlyList<Guid>?> _projectIds;
    private readonly InputField<bool?> _count;

    public ConfirmCategorizationsInputType()
    {
        Name = "ConfirmCategorizationsInput";
        _projectIds = Ids("projectIds", Projects.ProjectType.TypeName, "The projects whose categorization a person checked (at most 500).");
        _count = Optional<BooleanGraphType, bool?>("count",
            "true (the default): count each project's matching targets under their aggregation keys; false: stop counting them.");
    }

    public override ConfirmCategorizations Read(InputValues input) => new(input.Get(_projectIds) ?? [], input.Get(_count) ?? true);
}

/// <summary>Mutation.confirmCategorizations: only in schemas whose plugins categorize projects.</summary>
public sealed class CatalogCountingContributor(IEnumerable<PluginExtension<IProjectClassifier>> classifiers) : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        if (!classifiers.Provides()) return;
        schema.Mutation.AddMutation<ConfirmCategorizationsInputType, ConfirmCategorizations, ListGraphType<NonNullGraphType<Projects.ProjectType>>>(
            "confirmCategorizations", Permission.EditPlans, async (c, input) =>
            {
                var ids = await c.Service<CatalogLinking>().ConfirmAsync(input.ProjectIds, input.Count, c.CancellationToken);
                var loads = ids.Select(id => c.Load<ProjectByIdLoader, ProjectRow?>(id)).ToList();
                return new DeferredResult<List<ProjectRow?>>(new global::Minsheng.Data.Reading.Deferred<List<ProjectRow?>>(async ct =>
                {
                    var rows = new List<ProjectRow?>(loads.Count);
                    foreach (var load in loads) rows.Add(await load.GetResultAsync(ct));
                    return rows;
                }));
            },
            "Confirms what the plugins matched (a doubtful match included, now that a person checked it): each project's matching targets count in the region roll-ups under their catalog keys — or, with count: false, no longer do. All or nothing; audited.");
    }
}

/// <summary>Query.taskCatalog: only in schemas whose plugins provide a catalog.</summary>
public sealed class TaskCatalogContributor(IEnumerable<PluginExtension<ITaskCatalog>> catalogs) : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        if (!catalogs.Provides()) return;
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogTaskType>>>>("taskCatalog").Requires(Permission.ReadTenantData)
            .Description("The higher levels' tasks for a year, from the tenant's plugins (e.g. the province's 省定 list).")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Resolve(c => c.Service<ProjectCategorizations>().CatalogFor(c.GetArgument<int>("year")));
    }
}

/// <summary>A project of a document being imported, as the tenant's plugins categorize it (for the dry run's review).</summary>
public sealed class DraftCategorizationType : ObjectGraphType<Minsheng.Application.Importing.DraftCategorization>
{
    public DraftCategorizationType()
    {
        Name = "DraftCategorization";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<StringGraphType>>("sequence").Resolve(c => c.Source.Project.Sequence);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Project.Name);
        this.AddCategorizationFields(d => d.Categorization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DraftCategorizedTargetType>>>>("targets")
            .Resolve(c => c.Source.Categorization.Targets.Where(t => t.Position < c.Source.Project.Targets.Count)
                .Select(t => (c.Source.Project.Targets[t.Position].Label, t)).ToList());
    }
}

public sealed class DraftCategorizedTargetType : ObjectGraphType<(string Label, TargetMatch Match)>
{
    public DraftCategorizedTargetType()
    {
        Name = "DraftCategorizedTarget";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<StringGraphType>>("label").Description("The target as the document states it.").Resolve(c => c.Source.Label);
        this.AddTargetMatchFields(t => t.Match);
    }
}

/// <summary>ImportPlanPayload.categorizations: only in schemas whose plugins categorize projects.</summary>
public sealed class ImportCategorizationFields : ITypeExtension<Importing.ImportPlanPayloadType>
{
    public void Extend(Importing.ImportPlanPayloadType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DraftCategorizationType>>>>("categorizations")
            .Description("Each project of the document as the tenant's plugins categorize it (省定/市定/本级, the catalog task, why), for a person to confirm before committing.")
            .Resolve(c => c.Source.Categorizations);
}
