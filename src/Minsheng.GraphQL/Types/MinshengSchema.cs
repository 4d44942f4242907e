using GraphQL.Types;

namespace Minsheng.GraphQL.Types;

public sealed class MinshengSchema : Schema
{
    public MinshengSchema(IServiceProvider services, MinshengQuery query, MinshengMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Minsheng Platform: annual livelihood projects (民生实事) of a government, their targets, milestones and progress.";
    }
}
