namespace Minsheng.GraphQL.Projects;

/// <summary>Projects: the paged projects list, project by id, create/update/delete, and project nodes.</summary>
public sealed class ProjectsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(ProjectType.TypeName, (c, id) => c.Load<ProjectByIdLoader, ProjectRow?>(id));

        schema.Query.Field<NonNullGraphType<ProjectConnectionType>>("projects").Requires(Permission.ReadTenantData)
            .Description("The tenant's projects: Relay connection with filters and ordering.")
            .Arguments(Paging.Arguments(ProjectQueries.MaxPageSize))
            .Argument<ProjectOrderType>("orderBy", a => a.DefaultValue = ProjectOrder.Sequence)
            .Argument<ProjectFilterInputType>("filter")
            .ResolveAsync(async c => await c.Guard(() => c.Service<ProjectQueries>().GetPageAsync(
                c.ReadInput<ProjectFilter>("filter"), c.GetArgument("orderBy", ProjectOrder.Sequence), c.PageRequest(), c.LoadAlongWithPage(),
                c.CancellationToken)));
        schema.Query.Field<ProjectType>("project").Requires(Permission.ReadTenantData).Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.IdArgument(ProjectType.TypeName)));

        schema.Mutation.AddMutation<CreateProjectInputType, CreateProject, ProjectType>("createProject", Permission.EditPlans, async (c, input) =>
            c.Load<ProjectByIdLoader, ProjectRow?>(await c.Service<ProjectCommands>().CreateAsync(
                input.PlanId, input.ParentId, input.SortOrder, input.Details, input.Units, c.CancellationToken)));
        schema.Mutation.AddMutation<UpdateProjectInputType, UpdateProject, ProjectType>("updateProject", Permission.EditPlans, async (c, input) =>
            c.Load<ProjectByIdLoader, ProjectRow?>(await c.Service<ProjectCommands>().UpdateAsync(input.Id, input.Patch, input.Units, c.CancellationToken)));
        schema.Mutation.AddDelete("deleteProject", Permission.EditPlans, ProjectType.TypeName, (c, id) => c.Service<ProjectCommands>().DeleteAsync(id, c.CancellationToken));
    }
}
