using Minsheng.GraphQL.Indicators;

namespace Minsheng.GraphQL.Reports;

public sealed class ActualType : ObjectGraphType<ActualRow>
{
    public ActualType()
    {
        Name = "Actual";
        this.ReachedThroughCheckedField();
        Description = "The achieved figure of one target, as a report states it.";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Load<IndicatorByIdLoader, IndicatorRow?>(c.Source.IndicatorId));
        Field<NonNullGraphType<DecimalGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
