namespace Minsheng.GraphQL.Projects;

public sealed class ProjectConnectionType() : ConnectionType<ProjectType, ProjectRow>(ProjectType.TypeName);
