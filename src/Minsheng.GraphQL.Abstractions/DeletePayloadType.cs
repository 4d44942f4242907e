using GraphQL.Types;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>What every delete mutation returns: the global id of what is gone.</summary>
public sealed class DeletePayloadType : ObjectGraphType<string>
{
    public DeletePayloadType()
    {
        Name = "DeletePayload";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IdGraphType>>("deletedId").Resolve(c => c.Source);
    }
}
