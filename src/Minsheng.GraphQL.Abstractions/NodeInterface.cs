using GraphQL.Types;

namespace Minsheng.GraphQL.Abstractions;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        this.ReachedThroughCheckedField();
        Description = "An object with a global id, fetchable with the node field.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.");
    }
}
