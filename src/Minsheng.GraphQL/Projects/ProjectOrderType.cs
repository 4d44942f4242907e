namespace Minsheng.GraphQL.Projects;

public sealed class ProjectOrderType : EnumerationGraphType<ProjectOrder>
{
    public ProjectOrderType()
    {
        Name = "ProjectOrder";
        Description = "SEQUENCE: as in the plan's annex table; NAME; DEADLINE: earliest first, projects without one last.";
    }
}
