using GraphQL;
using GraphQL.Types;
using Minsheng.Application.Commands;
using Minsheng.Application.Reading;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Loading;

namespace Minsheng.GraphQL.Types;

/// <summary>
/// Create, update and delete for plans, projects, targets, milestones and units. Each mutation is one
/// command in one transaction with its audit entry; the result is read back through the loaders.
/// </summary>
public sealed class MinshengMutation : ObjectGraphType
{
    public MinshengMutation()
    {
        Name = "Mutation";

        Mutation<CreatePlanInputType, PlanType>("createPlan", async (c, i) =>
        {
            var id = await c.Service<PlanCommands>().CreateAsync(new PlanInput(i.Required<int>("year"), i.Required<string>("title"),
                i.Value<string>("issuer"), i.Value<string>("documentNumber"), i.Value<DateOnly?>("issuedOn"), i.Value<string>("approval")), c.CancellationToken);
            return c.Load<PlanByIdLoader, PlanRow?>(id);
        });
        Mutation<UpdatePlanInputType, PlanType>("updatePlan", async (c, i) =>
        {
            var id = await c.Service<PlanCommands>().UpdateAsync(i.Id("id", PlanType.TypeName), new PlanPatch(
                i.NonNull<int>("year"), i.NonNull<string>("title"), i.Opt<string?>("issuer"), i.Opt<string?>("documentNumber"),
                i.Opt<DateOnly?>("issuedOn"), i.Opt<string?>("approval")), c.CancellationToken);
            return c.Load<PlanByIdLoader, PlanRow?>(id);
        });
        Delete("deletePlan", PlanType.TypeName, (c, id) => c.Service<PlanCommands>().DeleteAsync(id, c.CancellationToken));

        Mutation<CreateProjectInputType, ProjectType>("createProject", async (c, i) =>
        {
            var details = new ProjectDetails(i.Required<string>("sequence"), i.Required<string>("name"), i.Value<string>("content"),
                i.Value<string>("category"), i.Value<decimal?>("investmentYuan"), i.Value<string>("investmentText"),
                i.Value<string>("commandHeadquarters"), i.Value<string>("responsibleLeader"), Input.Deadline(i.Value<object>("deadline")),
                i.Value<string>("remarks"));
            var id = await c.Service<ProjectCommands>().CreateAsync(i.Id("planId", PlanType.TypeName), i.OptionalId("parentId", ProjectType.TypeName),
                i.Value<int?>("sortOrder"), details, UnitsOf(i), c.CancellationToken);
            return c.Load<ProjectByIdLoader, ProjectRow?>(id);
        });
        Mutation<UpdateProjectInputType, ProjectType>("updateProject", async (c, i) =>
        {
            var patch = new ProjectPatch(i.NonNull<string>("sequence"), i.NonNull<string>("name"), i.Opt<string?>("content"), i.Opt<string?>("category"),
                i.Opt<decimal?>("investmentYuan"), i.Opt<string?>("investmentText"), i.Opt<string?>("commandHeadquarters"),
                i.Opt<string?>("responsibleLeader"), i.Opt("deadline", Input.Deadline), i.Opt<string?>("remarks"), i.NonNull<int>("sortOrder"));
            var units = UnitsOf(i);
            var id = await c.Service<ProjectCommands>().UpdateAsync(i.Id("id", ProjectType.TypeName), patch,
                units is { Lead: null, Co: null, Certifiers: null } ? null : units, c.CancellationToken);
            return c.Load<ProjectByIdLoader, ProjectRow?>(id);
        });
        Delete("deleteProject", ProjectType.TypeName, (c, id) => c.Service<ProjectCommands>().DeleteAsync(id, c.CancellationToken));

        Mutation<CreateIndicatorInputType, IndicatorType>("createIndicator", async (c, i) =>
        {
            var id = await c.Service<IndicatorCommands>().CreateAsync(i.Id("projectId", ProjectType.TypeName), i.Required<string>("label"),
                i.Required<Comparator>("comparator"), new Quantity(i.Required<decimal>("targetValue"), i.Required<string>("unit")),
                i.Value<string>("sourcePhrase"), c.CancellationToken);
            return c.Load<IndicatorByIdLoader, IndicatorRow?>(id);
        });
        Mutation<UpdateIndicatorInputType, IndicatorType>("updateIndicator", async (c, i) =>
        {
            var id = await c.Service<IndicatorCommands>().UpdateAsync(i.Id("id", IndicatorType.TypeName), i.NonNull<string>("label"),
                i.NonNull<Comparator>("comparator"), i.NonNull<decimal>("targetValue"), i.NonNull<string>("unit"), i.Opt<string?>("sourcePhrase"), c.CancellationToken);
            return c.Load<IndicatorByIdLoader, IndicatorRow?>(id);
        });
        Delete("deleteIndicator", IndicatorType.TypeName, (c, id) => c.Service<IndicatorCommands>().DeleteAsync(id, c.CancellationToken));

        Mutation<CreateMilestoneInputType, MilestoneType>("createMilestone", async (c, i) =>
        {
            var id = await c.Service<MilestoneCommands>().CreateAsync(i.Id("projectId", ProjectType.TypeName), Input.RequiredDeadline(i.Value<object>("due")),
                i.Required<string>("text"), i.OptionalId("indicatorId", IndicatorType.TypeName), i.Value<decimal?>("cumulativeValue"), c.CancellationToken);
            return c.Load<MilestoneByIdLoader, MilestoneRow?>(id);
        });
        Mutation<UpdateMilestoneInputType, MilestoneType>("updateMilestone", async (c, i) =>
        {
            var id = await c.Service<MilestoneCommands>().UpdateAsync(i.Id("id", MilestoneType.TypeName), i.Opt("due", Input.RequiredDeadline),
                i.NonNull<string>("text"), i.Opt("indicatorId", v => v is string s ? GlobalId.Expect(s, IndicatorType.TypeName, "indicatorId") : (Guid?)null),
                i.Opt<decimal?>("cumulativeValue"), c.CancellationToken);
            return c.Load<MilestoneByIdLoader, MilestoneRow?>(id);
        });
        Delete("deleteMilestone", MilestoneType.TypeName, (c, id) => c.Service<MilestoneCommands>().DeleteAsync(id, c.CancellationToken));

        Mutation<CreateUnitInputType, UnitType>("createUnit", async (c, i) =>
        {
            var id = await c.Service<UnitCommands>().CreateAsync(i.Required<string>("name"),
                i.Value<IEnumerable<object?>>("aliases")?.Cast<string>().ToList(), c.CancellationToken);
            return c.Load<UnitByIdLoader, UnitRow?>(id);
        });
        Mutation<UpdateUnitInputType, UnitType>("updateUnit", async (c, i) =>
        {
            var id = await c.Service<UnitCommands>().UpdateAsync(i.Id("id", UnitType.TypeName), i.NonNull<string>("name"),
                i.Opt<IReadOnlyList<string>>("aliases", v => (v as IEnumerable<object?>)?.Cast<string>().ToList() ?? []), c.CancellationToken);
            return c.Load<UnitByIdLoader, UnitRow?>(id);
        });
        Delete("deleteUnit", UnitType.TypeName, (c, id) => c.Service<UnitCommands>().DeleteAsync(id, c.CancellationToken));

        ImportPlanField.Add(this);
    }

    private static ProjectUnitsInput UnitsOf(Input i) => new(
        i.Ids("leadUnitIds", UnitType.TypeName), i.Ids("coUnitIds", UnitType.TypeName), i.Ids("certificationUnitIds", UnitType.TypeName));

    /// <summary>
    /// A mutation field. Its result is read back at once, not deferred with the other loaders: mutations run
    /// one after another, and each must show the state right after its own change.
    /// </summary>
    private void Mutation<TInput, TResult>(string name, Func<IResolveFieldContext, Input, Task<object?>> run)
        where TInput : InputObjectGraphType where TResult : IGraphType =>
        Field<NonNullGraphType<TResult>>(name)
            .Argument<NonNullGraphType<TInput>>("input")
            .ResolveAsync(c => c.Guard(async () =>
            {
                var result = await run(c, new Input(c.GetArgument<Dictionary<string, object?>>("input")));
                return result is global::GraphQL.DataLoader.IDataLoaderResult pending ? await pending.GetResultAsync(c.CancellationToken) : result;
            }));

    private void Delete(string name, string type, Func<IResolveFieldContext, Guid, Task<Guid>> run) =>
        Field<NonNullGraphType<DeletePayloadType>>(name)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(c => c.Guard<object?>(async () =>
            {
                var globalId = c.GetArgument<string>("id");
                await run(c, GlobalId.Expect(globalId, type, "id"));
                return globalId;
            }));
}
