using Minsheng.Domain;
using Minsheng.GraphQL.Plans;

namespace Minsheng.GraphQL.Importing;

/// <summary>importPlan's input, with the file already decoded and its size checked.</summary>
public sealed record ImportPlan(string FileName, byte[] Content, bool DryRun, Guid? ReplacePlanId);

public sealed class ImportPlanInputType : InputType<ImportPlan>
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private readonly InputField<string> _fileName;
    private readonly InputField<string> _contentBase64;
    private readonly InputField<bool?> _dryRun;
    private readonly InputField<Guid?> _replacePlanId;

    public ImportPlanInputType()
    {
        Name = "ImportPlanInput";
        _fileName = Required<StringGraphType, string>("fileName", "Used to recognise the format (.txt, .docx, .xlsx) and kept as the plan's source.");
        _contentBase64 = Required<StringGraphType, string>("contentBase64", $"The file, base64-encoded; at most {MaxFileBytes / 1024 / 1024} MB decoded.");
        _dryRun = Optional<BooleanGraphType, bool?>("dryRun", "Only read and report; write nothing. Default false.");
        _replacePlanId = OptionalId("replacePlanId", PlanType.TypeName, "Rewrite this draft plan's projects from the document instead of creating a plan.");
    }

    public override ImportPlan Read(InputValues input) =>
        new(input.Get(_fileName), Decode(input.Get(_contentBase64)), input.Get(_dryRun) ?? false, input.Get(_replacePlanId));

    private static byte[] Decode(string base64)
    {
        if (base64.Length > (MaxFileBytes + 2) / 3 * 4)
            throw DomainException.Invalid("contentBase64", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB; import it with the CLI instead.");
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw DomainException.Invalid("contentBase64", "contentBase64 is not valid base64.");
        }
    }
}
