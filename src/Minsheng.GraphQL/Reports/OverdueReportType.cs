using Minsheng.Domain.Reports;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Reports;

public sealed class OverdueReportType : ObjectGraphType<OverdueReportRow>
{
    public OverdueReportType()
    {
        Name = "OverdueReport";
        this.ReachedThroughCheckedField();
        Description = "A month's report that was due and is not in.";
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<NonNullGraphType<StringGraphType>>("period").Description("The month, yyyy-MM.").Resolve(c => c.Source.Period.ToString("yyyy-MM"));
        Field<NonNullGraphType<DateOnlyGraphType>>("dueOn").Resolve(c => c.Source.DueOn);
        Field<EnumerationGraphType<ReportStatus>>("status").Description("DRAFT or RETURNED; null when nothing was started.").Resolve(c => c.Source.Status);
    }
}

public sealed record SetDueDay(int DueDay);

public sealed class ConfigureReportingInputType : InputType<SetDueDay>
{
    private readonly InputField<int> _day;

    public ConfigureReportingInputType()
    {
        Name = "ConfigureReportingInput";
        _day = Required<IntGraphType, int>("dueDay", "The day of the following month by which a month's report is due (1–28).");
    }

    public override SetDueDay Read(InputValues input) => new(input.Get(_day));
}

public sealed class ReportingSettingsType : ObjectGraphType<int>
{
    public ReportingSettingsType()
    {
        Name = "ReportingSettings";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IntGraphType>>("dueDay").Resolve(c => c.Source);
    }
}
