using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Application.Reports;
using Minsheng.Application.Supervision;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Bulletins;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Bulletins;

/// <summary>A bulletin version as the API lists it; the documents themselves are read on demand (<see cref="BulletinContentLoader"/>).</summary>
public sealed record BulletinRow(Guid Id, BulletinKind Kind, int Year, int Period, int Version, string Title, DateOnly AsOf, bool Published,
    string? PublishedBy, DateTimeOffset? PublishedAt, string GeneratedBy, DateTimeOffset GeneratedAt)
{
    internal const string Columns =
        "b.id, b.kind, b.year, b.period, b.version, b.title, b.as_of, b.published, b.published_by, b.published_at, b.generated_by, b.generated_at";

    internal static BulletinRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), Enum.Parse<BulletinKind>(r.GetString(1)), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.GetFieldValue<DateOnly>(6),
        r.GetBoolean(7), Sql.NullableString(r, 8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.GetString(10), r.GetFieldValue<DateTimeOffset>(11));

    public string FileName => $"{Title}（第{Version}版）.docx";
}

/// <summary>A bulletin's documents and figures.</summary>
public sealed record BulletinContent(Guid Id, string Html, byte[] Docx, string Figures);

public sealed class BulletinByIdLoader(ReadSession session) : ByIdLoader<BulletinRow>(session,
    keys => $"SELECT {BulletinRow.Columns} FROM bulletins b WHERE b.tenant_id = $1 AND b.id = ANY({keys})", BulletinRow.Read, b => b.Id);

/// <summary>The documents of the bulletins whose content a request selects (large: never read with the list).</summary>
public sealed class BulletinContentLoader(ReadSession session) : ByIdLoader<BulletinContent>(session,
    keys => $"SELECT b.id, b.html, b.docx, b.figures::text FROM bulletins b WHERE b.tenant_id = $1 AND b.id = ANY({keys})",
    r => new BulletinContent(r.GetGuid(0), r.GetString(1), r.GetFieldValue<byte[]>(2), r.GetString(3)), b => b.Id);

public sealed class BulletinQueries(ReadSession session)
{
    public async Task<IReadOnlyList<BulletinRow>> ListAsync(int? year, BulletinKind? kind, CancellationToken ct)
    {
        var query = new ListQuery<BulletinRow>(tenantId => BatchCommands.Of($"""
            SELECT {BulletinRow.Columns} FROM bulletins b
            WHERE b.tenant_id = $1 AND ($2::int IS NULL OR b.year = $2) AND ($3::text IS NULL OR b.kind = $3)
            ORDER BY b.year DESC, b.kind, b.period DESC, b.version DESC
            """, tenantId, year, kind?.ToString()), BulletinRow.Read);
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}

/// <summary>What to generate: a month's 通报, a quarter's 报告, or the year-end 完成情况, as of a day (default: the reports' due day after the period).</summary>
public sealed record BulletinRequest(BulletinKind Kind, int Year, int Period, DateOnly? AsOf);

/// <summary>
/// Generates bulletins from the data — counts by status and light, the lagging list, the unit ranking, overdue reports,
/// 督办 — or the year-end disclosure by category and target, renders them to HTML and .docx (validated), and stores
/// them as a new version. Publishing a version withdraws the period's other versions.
/// </summary>
public sealed class BulletinCommands(UnitOfWork uow, ICallerAccessor callers, ReadSession session, ProjectAssessments assessments,
    OverdueReports overdueReports, SupervisionQueries supervision)
{
    public async Task<Guid> GenerateAsync(BulletinRequest request, CancellationToken ct)
    {
        // Validates kind, year and period before any reading.
        if (request.Year is < 2000 or > 2100) throw DomainException.Invalid("year", $"Year {request.Year} is outside 2000–2100.");
        _ = new Bulletin(request.Kind, request.Year, request.Period, 1, "", new DateOnly(request.Year, 1, 1), "", [], "{}", "", default);
        var (tenantName, dueDay) = await TenantAsync(ct);
        var asOf = request.AsOf ?? DefaultAsOf(request, dueDay);

        var projects = new ListQuery<BulletinProject>(tenantId => BatchCommands.Of("""
            SELECT p.id, p.sequence, p.name, p.category_code, p.state,
              coalesce((SELECT array_agg(u.name ORDER BY pu.position) FROM project_units pu JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
                WHERE pu.tenant_id = $1 AND pu.project_id = p.id AND pu.role = 'Lead'), '{}')
            FROM projects p JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
            WHERE p.tenant_id = $1 AND pl.year = $2 AND pl.status <> 'Draft' AND p.parent_id IS NULL
            ORDER BY pl.id, p.sort_order
            """, tenantId, request.Year),
            r => new BulletinProject(r.GetGuid(0), r.GetString(1), r.GetString(2), Sql.NullableString(r, 3), Enum.Parse<ProjectState>(r.GetString(4)),
                r.GetFieldValue<string[]>(5)));
        var targets = new ListQuery<BulletinTarget>(tenantId => BatchCommands.Of("""
            SELECT i.project_id, i.label, i.comparator, i.target_value, i.unit,
              (SELECT a.value FROM report_actuals a JOIN progress_reports r ON r.tenant_id = a.tenant_id AND r.id = a.report_id
               WHERE a.tenant_id = $1 AND a.indicator_id = i.id AND r.period <= $3 AND r.status = ANY($4)
                 AND (r.approved_at IS NULL OR r.approved_at::date <= $3)
               ORDER BY r.period DESC LIMIT 1),
              cert.value, cert.name
            FROM indicators i JOIN projects p ON p.tenant_id = i.tenant_id AND p.id = i.project_id
            JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
            -- The certification in force on the day, if it certified a figure: that figure is marked as certified.
            LEFT JOIN LATERAL (
              SELECT c.value, u.name FROM (SELECT c.decision, c.value, c.unit_id FROM target_certifications c
                WHERE c.tenant_id = $1 AND c.indicator_id = i.id AND c.decided_at::date <= $3 ORDER BY c.decided_at DESC, c.id DESC LIMIT 1) c
              JOIN units u ON u.tenant_id = $1 AND u.id = c.unit_id WHERE c.decision = 'Certified') cert ON true
            WHERE i.tenant_id = $1 AND pl.year = $2 AND pl.status <> 'Draft' AND p.parent_id IS NULL
            ORDER BY i.project_id, i.position
            """, tenantId, request.Year, asOf,
            // The year-end 完成情况 is published: only figures the office accepted; the internal bulletins count signed-off ones.
            request.Kind == BulletinKind.YearEnd ? new[] { "Accepted" } : new[] { "Approved", "Accepted" }),
            r => new BulletinTarget(r.GetGuid(0), r.GetString(1), Enum.Parse<Comparator>(r.GetString(2)), Sql.Normalize(r.GetDecimal(3)), r.GetString(4),
                Sql.NullableDecimal(r, 5), Sql.NullableDecimal(r, 5) is { } achieved && Sql.NullableDecimal(r, 6) == achieved ? r.GetString(7) : null));
        session.Enqueue(projects);
        session.Enqueue(targets);
        var assessed = (await assessments.AllAsync(asOf, ct)).ToDictionary(a => a.ProjectId, a => a.Assessment);
        var overdue = await overdueReports.AsOfAsync(asOf, ct);
        var notices = await supervision.NoticesAsync(null, null, ct);

        var figures = BulletinFigureRules.Compute(asOf, projects.Rows, assessed, targets.Rows, overdue, notices);
        var document = BulletinWriter.Write(request, tenantName, figures);
        var docx = document.ToDocx();
        // Ours to get right: a document Word would repair is a bug, not the caller's problem.
        if (BulletinDocument.Validate(docx) is { Count: > 0 } errors)
            throw new InvalidOperationException("The generated .docx is not valid Open XML: " + string.Join("; ", errors.Take(3)));

        return await uow.RunAsync(async db =>
        {
            var version = (await db.Bulletins.Where(b => b.Kind == request.Kind && b.Year == request.Year && b.Period == request.Period)
                .MaxAsync(b => (int?)b.Version, ct) ?? 0) + 1;
            var bulletin = new Bulletin(request.Kind, request.Year, request.Period, version, document.Title, asOf, document.ToHtml(), docx,
                JsonSerializer.Serialize(figures, StoredJson.Options), callers.Current.ActorId, uow.Clock.GetUtcNow());
            db.Bulletins.Add(bulletin);
            uow.Audit("generate", nameof(Bulletin), bulletin.Id, null, new { bulletin.Kind, bulletin.Year, bulletin.Period, bulletin.Version, bulletin.Title, bulletin.AsOf });
            return bulletin.Id;
        }, ct);
    }

    public Task<Guid> PublishAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var bulletin = await db.Bulletins.FindOwnAsync(id, ct);
        var now = uow.Clock.GetUtcNow();
        bulletin.Publish(callers.Current.ActorId, now);
        foreach (var other in await db.Bulletins.Where(b => b.Kind == bulletin.Kind && b.Year == bulletin.Year && b.Period == bulletin.Period
                     && b.Id != bulletin.Id && b.Published).ToListAsync(ct))
        {
            other.Withdraw();
            uow.Audit("withdraw", nameof(Bulletin), other.Id, new { Published = true }, new { Published = false, ReplacedBy = bulletin.Id });
        }
        uow.Audit("publish", nameof(Bulletin), bulletin.Id, new { Published = false }, new { bulletin.Published, bulletin.PublishedBy, bulletin.PublishedAt });
        return bulletin.Id;
    }, ct);

    public Task<Guid> WithdrawAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var bulletin = await db.Bulletins.FindOwnAsync(id, ct);
        var before = new { bulletin.Published, bulletin.PublishedBy, bulletin.PublishedAt };
        bulletin.Withdraw();
        uow.Audit("withdraw", nameof(Bulletin), bulletin.Id, before, new { bulletin.Published });
        return bulletin.Id;
    }, ct);

    private async Task<(string Name, int DueDay)> TenantAsync(CancellationToken ct)
    {
        var tenant = new ListQuery<(string, int)>(tenantId => BatchCommands.Of("SELECT t.name, t.report_due_day FROM tenants t WHERE t.id = $1", tenantId),
            r => (r.GetString(0), r.GetInt32(1)));
        await session.RunAsync(tenant, ct);
        return tenant.Rows.Count == 1 ? tenant.Rows[0] : throw new DomainException(DomainErrorKind.Forbidden, "No tenant was selected for this request.");
    }

    /// <summary>The day after the period's last month's reports were due: what the office has in hand, and what is overdue, when it writes the bulletin.</summary>
    public static DateOnly DefaultAsOf(BulletinRequest request, int dueDay)
    {
        var lastMonth = request.Kind switch { BulletinKind.Monthly => request.Period, BulletinKind.Quarterly => request.Period * 3, _ => 12 };
        return new DateOnly(request.Year, lastMonth, 1).AddMonths(1).AddDays(dueDay);
    }
}

/// <summary>Writes the bulletin's text from its figures, in the office's usual order.</summary>
internal static class BulletinWriter
{
    private static readonly Dictionary<string, string> StatusNames = new()
    {
        ["NotStarted"] = "未开工", ["OnTrack"] = "序时推进", ["AtRisk"] = "进度预警", ["Lagging"] = "进度滞后",
        ["Completed"] = "已完成", ["Exceeded"] = "超额完成", ["Suspended"] = "暂缓", ["Cancelled"] = "已取消",
    };

    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["Active"] = "实施中", ["Suspended"] = "暂缓", ["Cancelled"] = "已取消", ["ClosedOut"] = "已销号",
    };

    public static BulletinDocument Write(BulletinRequest request, string tenant, BulletinFigures f)
    {
        var asOf = $"{f.AsOf.Year}年{f.AsOf.Month}月{f.AsOf.Day}日";
        if (request.Kind == BulletinKind.YearEnd) return YearEnd(request.Year, tenant, f, asOf);
        var period = request.Kind == BulletinKind.Monthly ? $"{request.Period}月份" : $"第{Quarter(request.Period)}季度";
        var title = request.Kind == BulletinKind.Monthly
            ? $"{tenant}{request.Year}年民生实事项目{period}推进情况通报"
            : $"{tenant}{request.Year}年民生实事项目{period}推进情况报告";
        var blocks = new List<BulletinBlock>
        {
            new HeadingBlock("一、总体情况"),
            new ParagraphBlock($"{request.Year}年全年民生实事项目{f.Projects}项。截至{asOf}，" +
                string.Join("，", f.ByStatus.Where(s => s.Value > 0).Select(s => $"{StatusNames[s.Key]}{s.Value}项")) +
                $"；亮绿灯{f.ByLight["Green"]}项、黄灯{f.ByLight["Yellow"]}项、红灯{f.ByLight["Red"]}项" +
                (f.NotAssessed > 0 ? $"，另有{f.NotAssessed}项暂缓或取消，不参与评价" : "") + "。"),
            new HeadingBlock("二、进度滞后项目"),
        };
        blocks.Add(f.Lagging.Count == 0
            ? new ParagraphBlock("无进度滞后项目。")
            : new TableBlock(["序号", "项目", "牵头单位", "目标完成", "时间进度", "原因"],
                f.Lagging.Select(l => (IReadOnlyList<string>)[l.Sequence, l.Name, l.LeadUnit ?? "", Percent(l.ProgressPercent), $"{l.ElapsedPercent}%", string.Join("；", l.Reasons)]).ToList()));
        blocks.Add(new HeadingBlock("三、责任单位推进排名"));
        blocks.Add(f.UnitRanking.Count == 0
            ? new ParagraphBlock("无。")
            : new TableBlock(["名次", "牵头单位", "项目数", "平均完成", "红灯", "黄灯", "逾期月报"],
                f.UnitRanking.Select(u => (IReadOnlyList<string>)[u.Rank.ToString(CultureInfo.InvariantCulture), u.Unit, Int(u.Projects), $"{u.AverageProgressPercent}%", Int(u.Red), Int(u.Yellow), Int(u.OverdueReports)]).ToList()));
        blocks.Add(new HeadingBlock("四、月报逾期情况"));
        blocks.Add(f.OverdueReports.Count == 0
            ? new ParagraphBlock("各责任单位均按时报送月报。")
            : new TableBlock(["序号", "项目", "牵头单位", "月份", "应报日期"],
                f.OverdueReports.Select(o => (IReadOnlyList<string>)[o.Sequence, o.Name, o.LeadUnit ?? "", o.Period, o.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]).ToList()));
        blocks.Add(new HeadingBlock("五、督办情况"));
        blocks.Add(new ParagraphBlock($"累计下发督办通知{f.Notices.Issued}件，办结{f.Notices.Closed}件，升级督办{f.Notices.Escalated}件，" +
            $"正在办理{f.Notices.Open}件，其中逾期未反馈{f.Notices.Overdue}件。"));
        return new BulletinDocument(title, $"（数据截至{asOf}）", blocks);
    }

    private static BulletinDocument YearEnd(int year, string tenant, BulletinFigures f, string asOf)
    {
        var blocks = new List<BulletinBlock>
        {
            new ParagraphBlock($"{year}年，{tenant}确定民生实事项目{f.Projects}项。截至{asOf}，已完成{f.CompletedProjects}项" +
                (f.NotAssessed > 0 ? $"，暂缓或取消{f.NotAssessed}项" : "") + "。现将完成情况公开如下。"),
        };
        var number = 0;
        foreach (var section in f.Disclosure)
        {
            blocks.Add(new HeadingBlock($"{Chinese(++number)}、{section.Heading}（{section.Projects.Count}项）"));
            foreach (var p in section.Projects)
            {
                blocks.Add(new ParagraphBlock($"{p.Sequence}. {p.Name}（牵头单位：{(p.LeadUnits.Count > 0 ? string.Join("、", p.LeadUnits) : "—")}；" +
                    $"{StateNames.GetValueOrDefault(p.State, p.State)}，{StatusNames.GetValueOrDefault(p.Status, p.Status)}）"));
                if (p.Targets.Count > 0)
                    blocks.Add(new TableBlock(["目标", "计划", "完成", "完成率"],
                        p.Targets.Select(t => (IReadOnlyList<string>)[t.Label, $"{Figure(t.TargetValue)}{t.Unit}", t.Achieved is { } a ? $"{Figure(a)}{t.Unit}{(t.CertifiedBy is { } by ? $"（经{by}核定）" : "")}" : "未报送",
                            t.CompletionPercent is { } c ? $"{c}%" : "—"]).ToList()));
            }
        }
        return new BulletinDocument($"{tenant}{year}年民生实事项目完成情况", $"（数据截至{asOf}）", blocks);
    }

    private static string Quarter(int q) => q switch { 1 => "一", 2 => "二", 3 => "三", _ => "四" };

    private static string Chinese(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", _ => n.ToString(CultureInfo.InvariantCulture) };

    private static string Percent(int? p) => p is { } v ? $"{v}%" : "—";

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Figure(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
