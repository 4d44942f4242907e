using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Common;

public sealed class DeadlineType : ObjectGraphType<Deadline>
{
    public DeadlineType()
    {
        Name = "Deadline";
        this.ReachedThroughCheckedField();
        Description = "A date as a plan states it: the latest day the statement allows, and how precisely it was stated.";
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision").Resolve(c => c.Source.Precision);
        Field<NonNullGraphType<StringGraphType>>("text").Description("As the plan would write it, e.g. 2024年3月中旬.").Resolve(c => c.Source.ToString());
    }
}
