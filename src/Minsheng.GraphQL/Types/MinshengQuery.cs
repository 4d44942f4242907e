using GraphQL;
using GraphQL.Types;
using Minsheng.Application.Reading;
using Minsheng.Domain;
using Minsheng.GraphQL.Errors;
using Minsheng.GraphQL.Loading;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Types;

public sealed class MinshengQuery : ObjectGraphType
{
    public MinshengQuery()
    {
        Name = "Query";

        Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or is not the current tenant's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => ResolveNode(c, c.GetArgument<string>("id")));

        Field<TenantType>("tenant").Description("The government this request acts for; null without one.")
            .Resolve(c => c.Service<ITenantContextAccessor>().Current);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("plans")
            .Argument<IntGraphType>("year")
            .ResolveAsync(async c => await c.Guard(() => c.Service<DirectoryQueries>().PlansAsync(c.GetArgument<int?>("year"), c.CancellationToken)));

        Field<PlanType>("plan").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Load<PlanByIdLoader, PlanRow?>(Id(c, PlanType.TypeName)));

        Field<NonNullGraphType<ProjectConnectionType>>("projects")
            .Description("The tenant's projects: Relay connection with filters and ordering.")
            .Arguments(ProjectConnectionType.PagingArguments())
            .Argument<ProjectFilterInputType>("filter")
            .ResolveAsync(async c => await ProjectConnectionType.ResolveAsync(c, Filter(c)));

        Field<ProjectType>("project").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(Id(c, ProjectType.TypeName)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("units")
            .Description("The tenant's unit directory; search matches names and aliases.")
            .Argument<StringGraphType>("search")
            .ResolveAsync(async c => await c.Guard(() => c.Service<DirectoryQueries>().UnitsAsync(c.GetArgument<string?>("search"), c.CancellationToken)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions")
            .Description("Administrative divisions: top level without parentCode, else the children of that code.")
            .Argument<StringGraphType>("parentCode")
            .ResolveAsync(async c => await c.Guard(() => c.Service<DirectoryQueries>().RegionsAsync(c.GetArgument<string?>("parentCode"), c.CancellationToken)));
    }

    private static Guid Id(IResolveFieldContext c, string type)
    {
        try
        {
            return GlobalId.Expect(c.GetArgument<string>("id"), type, "id");
        }
        catch (DomainException e)
        {
            throw ErrorCodes.From(e);
        }
    }

    private static object? ResolveNode(IResolveFieldContext c, string id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var uuid)) throw ErrorCodes.BadInput($"'{id}' is not an id issued by this API.", "id");
        return type switch
        {
            PlanType.TypeName => c.Load<PlanByIdLoader, PlanRow?>(uuid),
            ProjectType.TypeName => c.Load<ProjectByIdLoader, ProjectRow?>(uuid),
            IndicatorType.TypeName => c.Load<IndicatorByIdLoader, IndicatorRow?>(uuid),
            MilestoneType.TypeName => c.Load<MilestoneByIdLoader, MilestoneRow?>(uuid),
            UnitType.TypeName => c.Load<UnitByIdLoader, UnitRow?>(uuid),
            ProgressReportType.TypeName => c.Load<ReportByIdLoader, ReportRow?>(uuid),
            _ => null,
        };
    }

    private static ProjectFilter Filter(IResolveFieldContext c)
    {
        var input = c.GetArgument<Dictionary<string, object?>>("filter");
        if (input is null) return new ProjectFilter();
        try
        {
            return new ProjectFilter(
                PlanId: input.GetValueOrDefault("planId") is string plan ? GlobalId.Expect(plan, PlanType.TypeName, "filter.planId") : null,
                Year: input.GetValueOrDefault("year") as int?,
                CategoryCode: input.GetValueOrDefault("category") as string,
                UnitId: input.GetValueOrDefault("unitId") is string unit ? GlobalId.Expect(unit, UnitType.TypeName, "filter.unitId") : null,
                Search: input.GetValueOrDefault("search") as string,
                TopLevelOnly: input.GetValueOrDefault("topLevelOnly") as bool? ?? false);
        }
        catch (DomainException e)
        {
            throw ErrorCodes.From(e);
        }
    }
}
