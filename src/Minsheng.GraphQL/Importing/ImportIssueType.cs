using Minsheng.Importing;

namespace Minsheng.GraphQL.Importing;

public sealed class ImportIssueType : ObjectGraphType<ImportIssue>
{
    public ImportIssueType()
    {
        Name = "ImportIssue";
        this.ReachedThroughCheckedField();
        Description = "An error or warning about the document, with the line or cell it refers to.";
        Field(i => i.Code).Description("Stable code, e.g. table.missing, column.unknown.");
        Field(i => i.Message);
        Field(i => i.Location, nullable: true).Description("e.g. \"line 42\" or \"table 1, row 5, cell 3\".");
    }
}
