namespace Minsheng.GraphQL.Reports;

/// <summary>Monthly reports: node resolution for now (reports are read through their project); the workflow issue adds the rest here.</summary>
public sealed class ReportsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.AddNode(ProgressReportType.TypeName, (c, id) => c.Load<ReportByIdLoader, ReportRow?>(id));
}
