using Minsheng.Application.Importing;
using Minsheng.Domain.Reports;
using Minsheng.GraphQL.Plans;

namespace Minsheng.GraphQL.Reports;

public sealed class EvidenceFileType : ObjectGraphType<EvidenceRow>
{
    public EvidenceFileType()
    {
        Name = "EvidenceFile";
        Description = "A file attached to a report as evidence (佐证材料).";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("EvidenceFile", c.Source.Id));
        Field(e => e.FileName);
        Field(e => e.MediaType).Description("Told by the content: application/pdf, image/jpeg, image/png, .docx or .xlsx.");
        Field(e => e.Size).Description("Bytes.");
        Field(e => e.Sha256);
        Field(e => e.UploadedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("uploadedAt").Resolve(c => c.Source.UploadedAt);
        Field<NonNullGraphType<ExportedFileType>>("file").Description("The content, as base64 (read only when selected).")
            .Resolve(c => c.Load<EvidenceContentLoader, EvidenceContent?>(c.Source.Id).Then(e => new ExportedFile(c.Source.FileName, c.Source.MediaType, e!.Content)));
    }
}

public sealed class ReportCorrectionType : ObjectGraphType<CorrectionRow>
{
    public ReportCorrectionType()
    {
        Name = "ReportCorrection";
        Description = "A correction of an accepted month by the supervision office, with what it said before.";
        this.ReachedThroughCheckedField();
        Field(c => c.Reason);
        Field(c => c.Before).Description("JSON: progress, investmentCompletedYuan and the figures before.");
        Field(c => c.After).Description("JSON: the same after.");
        Field(c => c.CorrectedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("correctedAt").Resolve(c => c.Source.CorrectedAt);
    }
}

/// <summary>The evidence and correction fields of a report.</summary>
public sealed class ReportEvidenceFields : ITypeExtension<ProgressReportType>
{
    public void Extend(ProgressReportType type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceFileType>>>>("evidence")
            .Resolve(c => c.Load<EvidenceByReportLoader, IReadOnlyList<EvidenceRow>>(((ReportRow)c.Source!).Id));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportCorrectionType>>>>("corrections").Description("Corrections of this accepted month, oldest first.")
            .Resolve(c => c.Load<CorrectionsByReportLoader, IReadOnlyList<CorrectionRow>>(((ReportRow)c.Source!).Id));
    }
}

public sealed record AttachEvidence(Guid ReportId, string FileName, byte[] Content);

public sealed class AttachEvidenceInputType : InputType<AttachEvidence>
{
    private readonly InputField<Guid> _report;
    private readonly InputField<string> _name, _content;

    public AttachEvidenceInputType()
    {
        Name = "AttachEvidenceInput";
        _report = Id("reportId", ProgressReportType.TypeName);
        _name = Required<StringGraphType, string>("fileName", "With its extension: .pdf, .jpg, .png, .docx or .xlsx.");
        _content = Required<StringGraphType, string>("contentBase64", $"At most {EvidenceFile.MaxBytes / 1024 / 1024} MB.");
    }

    public override AttachEvidence Read(InputValues input)
    {
        var text = input.Get(_content);
        // Checked before decoding: an oversized file is refused without holding it twice.
        if (text.Length > (EvidenceFile.MaxBytes + 2) / 3 * 4 + 4)
            throw ErrorCodes.BadInput($"A file is at most {EvidenceFile.MaxBytes / 1024 / 1024} MB.", "contentBase64");
        try
        {
            return new(input.Get(_report), input.Get(_name), Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw ErrorCodes.BadInput("contentBase64 is not base64.", "contentBase64");
        }
    }
}

public sealed class RemoveEvidenceInputType() : ByIdInputType("RemoveEvidenceInput", "EvidenceFile");

public sealed class CorrectAcceptedReportInputType : InputType<ReportCorrectionRequest>
{
    private readonly InputField<Guid> _report;
    private readonly InputField<string> _reason;
    private readonly InputField<string?> _progress;
    private readonly InputField<decimal?> _investment;
    private readonly InputField<IReadOnlyList<ReportedActual>?> _actuals;

    public CorrectAcceptedReportInputType()
    {
        Name = "CorrectAcceptedReportInput";
        _report = Id("reportId", ProgressReportType.TypeName);
        _reason = Required<StringGraphType, string>("reason", "What was wrong (e.g. the statistics bureau's figure differs).");
        _progress = Optional<StringGraphType, string>("progress");
        _investment = Optional<DecimalGraphType, decimal?>("investmentCompletedYuan");
        _actuals = ReportedActualInputType.ListOn(this, "Corrected cumulative figures (targets left out keep theirs).");
    }

    public override ReportCorrectionRequest Read(InputValues input) =>
        new(input.Get(_report), input.Get(_reason), input.Get(_progress), input.Get(_investment), input.Get(_actuals));
}
