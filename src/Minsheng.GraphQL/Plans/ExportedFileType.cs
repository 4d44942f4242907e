using Minsheng.Application.Importing;

namespace Minsheng.GraphQL.Plans;

public sealed class ExportedFileType : ObjectGraphType<ExportedFile>
{
    public ExportedFileType()
    {
        Name = "ExportedFile";
        this.ReachedThroughCheckedField();
        Field(f => f.FileName);
        Field(f => f.MediaType);
        Field<NonNullGraphType<StringGraphType>>("contentBase64").Resolve(c => Convert.ToBase64String(c.Source.Content));
    }
}
