namespace Minsheng.GraphQL.Milestones;

/// <summary>markMilestoneAchieved's input: which step, the day it was done, and what shows it.</summary>
public sealed record MarkMilestoneAchieved(Guid Id, DateOnly AchievedOn, string Evidence);

public sealed class MarkMilestoneAchievedInputType : InputType<MarkMilestoneAchieved>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<DateOnly> _on;
    private readonly InputField<string> _evidence;

    public MarkMilestoneAchievedInputType()
    {
        Name = "MarkMilestoneAchievedInput";
        _id = Id("id", MilestoneType.TypeName);
        _on = Required<DateOnlyGraphType, DateOnly>("achievedOn");
        _evidence = Required<StringGraphType, string>("evidence", "What shows the step was done (佐证材料: a document number, a photo's description, an acceptance record).");
    }

    public override MarkMilestoneAchieved Read(InputValues input) => new(input.Get(_id), input.Get(_on), input.Get(_evidence));
}
