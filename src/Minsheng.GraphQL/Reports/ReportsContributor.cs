namespace Minsheng.GraphQL.Reports;

/// <summary>
/// Monthly reports: node resolution (reports are read through their project) and the report cycle — the unit
/// clerk's draft and submission, the unit head's sign-off, the supervision office's acceptance, a return with a
/// reason from either.
/// </summary>
public sealed class ReportsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(ProgressReportType.TypeName, (c, id) => c.Load<ReportByIdLoader, ReportRow?>(id));

        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OverdueReportType>>>>("overdueReports").Requires(Permission.ReadTenantData)
            .Description("Months whose report was due before asOf (the tenant's due day of the following month) and is not submitted, oldest first.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("asOf")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<OverdueReports>().AsOfAsync(c.GetArgument<DateOnly>("asOf"), c.CancellationToken)));
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressReportType>>>>("reviewQueue").Requires(Permission.ReadTenantData)
            .Description("Reports waiting for a signature, oldest month first: SUBMITTED (for the unit heads; people bound to units see their units' projects) or APPROVED (for the supervision office).")
            .Argument<NonNullGraphType<EnumerationGraphType<Domain.Reports.ReportStatus>>>("status")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<ReviewQueue>().WaitingAsync(c.GetArgument<Domain.Reports.ReportStatus>("status"), c.CancellationToken)));
        schema.Mutation.AddMutation<ConfigureReportingInputType, SetDueDay, ReportingSettingsType>("configureReporting", Permission.ConfigureTenant, async (c, input) =>
            await c.Service<ReportingSettings>().SetDueDayAsync(input.DueDay, c.CancellationToken),
            "Sets the day of the following month by which reports are due (tenant administrators).");

        schema.Mutation.AddMutation<SaveReportDraftInputType, ReportDraft, ProgressReportType>("saveReportDraft", Permission.FileReports, async (c, input) =>
            await Read(c, await c.Service<ReportCommands>().SaveDraftAsync(input, c.CancellationToken)),
            "Creates or edits the month's report of a project (the lead unit's clerk): a draft, or a returned report being corrected; with submit, also submits it.");
        schema.Mutation.AddMutation<ReportStepInputType, ById, ProgressReportType>("submitReport", Permission.FileReports, async (c, input) =>
            await Read(c, await c.Service<ReportCommands>().SubmitAsync(input.Id, c.CancellationToken)),
            "Submits a draft or returned report for the unit head's sign-off.");
        schema.Mutation.AddMutation<ReportStepInputType, ById, ProgressReportType>("approveReport", Permission.SignOffReports, async (c, input) =>
            await Read(c, await c.Service<ReportCommands>().ApproveAsync(input.Id, c.CancellationToken)),
            "Signs a submitted report off (the lead unit's head: stands for the signature and seal).");
        schema.Mutation.AddMutation<ReportStepInputType, ById, ProgressReportType>("acceptReport", Permission.ReviewReports, async (c, input) =>
            await Read(c, await c.Service<ReportCommands>().AcceptAsync(input.Id, c.CancellationToken)),
            "Accepts a signed-off report (the supervision office); the month is then locked.");
        schema.Mutation.AddMutation<ReturnReportInputType, ReturnReport, ProgressReportType>("returnReport", Permission.SignOffReports, async (c, input) =>
                await Read(c, await c.Service<ReportCommands>().ReturnAsync(input.Id, input.Reason, c.CancellationToken)),
                "Sends a report back with a reason: the unit head before signing off, the supervision office before accepting.")
            .RequiresAny(Permission.SignOffReports, Permission.ReviewReports);

        schema.Mutation.AddMutation<AttachEvidenceInputType, AttachEvidence, ProgressReportType>("attachEvidence", Permission.FileReports, async (c, input) =>
            {
                await c.Service<EvidenceCommands>().AttachAsync(input.ReportId, input.FileName, input.Content, c.CancellationToken);
                return await Read(c, input.ReportId);
            },
            "Attaches a file as evidence to a draft or returned report (the lead unit): a PDF, JPEG, PNG, .docx or .xlsx of at most 5 MB, at most 10 per report.");
        schema.Mutation.AddMutation<RemoveEvidenceInputType, ById, ProgressReportType>("removeEvidence", Permission.FileReports, async (c, input) =>
                await Read(c, await c.Service<EvidenceCommands>().RemoveAsync(input.Id, c.CancellationToken)),
            "Removes a file from a draft or returned report (the lead unit).");
        schema.Mutation.AddMutation<CorrectAcceptedReportInputType, ReportCorrectionRequest, ProgressReportType>("correctAcceptedReport", Permission.ReviewReports,
            async (c, input) => await Read(c, await c.Service<EvidenceCommands>().CorrectAsync(input, c.CancellationToken)),
            "Corrects an accepted month (the supervision office): the month stays accepted; the correction keeps the reason and what it said before.");
    }

    private static async Task<object?> Read(IResolveFieldContext c, Guid id) =>
        await c.Load<ReportByIdLoader, ReportRow?>(id).GetResultAsync(c.CancellationToken);
}
