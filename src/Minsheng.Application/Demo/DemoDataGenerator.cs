using System.Text.Json;
using Minsheng.Application.Common;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Supervision;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Units;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Demo;

/// <param name="TargetsPerProject">When set, every project gets exactly this many targets (the catalog's, then generic ones).</param>
/// <param name="MaxTargetsPerProject">When set with <paramref name="TargetsPerProject"/>, each project gets between the two.</param>
/// <param name="Supervised">
/// A year as a supervised county lives it: every target reported each month, milestones marked achieved when the figures
/// reach them, and the light of every project recorded at each month's end by the status rules (the national data).
/// </param>
public sealed record DemoTenantSpec(string RegionCode, string Name, string? ParentCode, int ProjectCount, int ReportMonths = 3, int? TargetsPerProject = null,
    int? MaxTargetsPerProject = null, bool Supervised = false);

/// <summary>Everything generated for one tenant, ready to be written in one go.</summary>
public sealed class DemoTenantData(Tenant tenant)
{
    public Tenant Tenant { get; } = tenant;
    public List<Unit> Units { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<ProjectUnit> ProjectUnits { get; } = [];
    public List<Indicator> Indicators { get; } = [];
    public List<Milestone> Milestones { get; } = [];
    public List<ProgressReport> Reports { get; } = [];
    public List<ReportActual> Actuals { get; } = [];
    public List<Domain.Supervision.SupervisionNotice> Notices { get; } = [];
    public List<LightRecord> Lights { get; } = [];

    /// <summary>Rows of every kind, for progress and size reports.</summary>
    public int RowCount => 1 + Units.Count + Plans.Count + Projects.Count + ProjectUnits.Count + Indicators.Count + Milestones.Count + Reports.Count
        + Actuals.Count + Notices.Count + Lights.Count;
}

public sealed record DemoDataSet(IReadOnlyList<Region> Regions, IReadOnlyList<DemoTenantData> Tenants);

/// <summary>
/// Deterministic demo and synthetic data: the same specs and seed give the same plans, figures and
/// texts (ids are fresh UUID v7s). Scales from the five demo tenants to benchmark and national sizes.
/// </summary>
public static class DemoDataGenerator
{
    public const int DemoYear = 2024;

    /// <summary>The demo tenants the server loads on first start.</summary>
    public static readonly IReadOnlyList<DemoTenantSpec> DemoTenants =
    [
        new("410000", "河南省", null, 12),
        new("411300", "南阳市", "410000", 14),
        new("411302", "宛城区", "411300", 15),
        new("411303", "卧龙区", "411300", 18),
        new("411321", "南召县", "411300", 12),
        new("411322", "方城县", "411300", 16),
    ];

    public static DemoDataSet Generate(IEnumerable<DemoTenantSpec> specs, int year = DemoYear, int seed = 2024)
    {
        var specList = specs.ToList();
        var regions = specList.Select(s => new Region(s.RegionCode, s.Name, Region.LevelOf(s.RegionCode), s.ParentCode)).ToList();
        var tenants = specList.Select(s => GenerateTenant(s, year, seed)).ToList();
        return new DemoDataSet(regions, tenants);
    }

    /// <summary>Synthetic counties for load tests: <paramref name="count"/> tenants under one synthetic province.</summary>
    public static IReadOnlyList<DemoTenantSpec> SyntheticCounties(int count, int projectsPerTenant, int reportMonths, int? targetsPerProject = null)
    {
        var specs = new List<DemoTenantSpec> { new("990000", "合成省", null, 0), };
        for (var city = 0; city * 99 < count; city++)
        {
            var cityCode = $"99{city + 1:00}00";
            specs.Add(new(cityCode, $"合成市{city + 1}", "990000", 0));
            for (var c = 1; c <= 99 && city * 99 + c <= count; c++)
                specs.Add(new($"99{city + 1:00}{c:00}", $"合成县{city * 99 + c}", cityCode, projectsPerTenant, reportMonths, targetsPerProject));
        }
        return specs;
    }

    /// <summary>
    /// Every government in <paramref name="regions"/> (the shipped reference list: 34 provinces, 333 prefectures, 2,846
    /// counties) as a tenant with a supervised year: 10–30 projects, 2–5 targets each, twelve monthly reports, lights.
    /// Deterministic by <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<DemoTenantSpec> National(IEnumerable<Region> regions, int seed = 2024) => regions
        .Select(r => new DemoTenantSpec(r.Code, r.Name, r.ParentCode, new Random(unchecked(seed * 7_919 + int.Parse(r.Code))).Next(10, 31),
            ReportMonths: 12, TargetsPerProject: 2, MaxTargetsPerProject: 5, Supervised: true))
        .ToList();

    private static DemoTenantData GenerateTenant(DemoTenantSpec spec, int year, int seed)
    {
        // Not HashCode.Combine: its seed is random per process, which made "the same seed" give other data in every run.
        var random = new Random(unchecked(seed * 1_000_003 + int.Parse(spec.RegionCode)));
        var level = Region.LevelOf(spec.RegionCode);
        var data = new DemoTenantData(new Tenant(Ids.New(), spec.RegionCode, spec.Name, level));
        var tenantId = data.Tenant.Id;
        if (spec.ProjectCount == 0) return data;

        // Departments are named after the government's own level: 区民政局, 县民政局, 市民政局, 省民政厅 is close enough as 省民政局.
        var prefix = level switch
        {
            RegionLevel.Province => "省",
            RegionLevel.City => "市",
            _ => spec.Name[^1] is '区' or '县' or '市' or '旗' ? spec.Name[^1..] : "县",
        };
        var units = DemoCatalog.Units.Select(u => Own(new Unit(prefix + u.Name[1..], u.Aliases.Select(a => a.StartsWith('区') ? prefix + a[1..] : a)), tenantId)).ToList();
        data.Units.AddRange(units);
        Unit UnitNamed(string templateName) => units.First(u => u.Name == prefix + templateName[1..]);

        var plan = Own(new Plan(year, $"{spec.Name}{year}年民生实事项目计划"), tenantId);
        plan.Update(year, plan.Title, $"{spec.Name}人民政府", $"{spec.Name[..1]}政〔{year}〕{random.Next(1, 40)}号",
            new DateOnly(year, 2, random.Next(1, 28)), $"经{spec.Name}人民代表大会票决通过");
        plan.Publish();
        data.Plans.Add(plan);

        var statistics = UnitNamed("区统计局");
        var scale = 0.5m + (decimal)random.NextDouble();
        var reportedThrough = spec.ReportMonths;
        var redProjects = new List<(Project Project, DateOnly RedOn)>();
        for (var i = 0; i < spec.ProjectCount; i++)
        {
            var template = DemoCatalog.Projects[(i + random.Next(0, 3)) % DemoCatalog.Projects.Length];
            if (spec.TargetsPerProject is { } fewest)
            {
                var wanted = spec.MaxTargetsPerProject is { } most ? random.Next(fewest, most + 1) : fewest;
                template = template with { Targets = DemoCatalog.WithTargetCount(template.Targets, wanted) };
            }
            // Counts stay whole; lengths and areas keep one decimal.
            var figures = template.Targets.Select(t => t.Scales ? Math.Max(1m, Math.Round(t.BaseValue * scale, t.Unit is "公里" or "万亩" ? 1 : 0)) : t.BaseValue).ToArray();
            var content = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Content,
                figures.Select(f => (object)f.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            var investment = template.InvestmentWan == 0 ? (decimal?)null : Math.Round(template.InvestmentWan * scale, 0) * 10_000m;
            var deadline = Deadline.Of(year, template.DeadlineMonth, DatePrecision.EndOfMonth);
            var project = Own(new Project(plan.Id, i + 1, new ProjectDetails(
                Sequence: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name: template.Name + (template.Category switch { "provincial" => "（省定）", "municipal" => "（市定）", _ => "" }),
                Content: content,
                CategoryCode: template.Category,
                InvestmentYuan: investment,
                InvestmentText: investment is { } y ? new Money(y).ToString() : "—",
                CommandHeadquarters: template.Headquarters,
                ResponsibleLeader: $"副{prefix}长 {Surname(random)}某某",
                Deadline: deadline)), tenantId);
            data.Projects.Add(project);

            var position = 0;
            foreach (var lead in template.LeadUnits) data.ProjectUnits.Add(Own(new ProjectUnit(project.Id, UnitNamed(lead).Id, ProjectUnitRole.Lead, position++), tenantId));
            position = 0;
            foreach (var co in template.CoUnits) data.ProjectUnits.Add(Own(new ProjectUnit(project.Id, UnitNamed(co).Id, ProjectUnitRole.Co, position++), tenantId));
            data.ProjectUnits.Add(Own(new ProjectUnit(project.Id, statistics.Id, ProjectUnitRole.Certifier, 0), tenantId));

            var indicators = template.Targets.Select((t, n) => Own(new Indicator(project.Id, n, t.Label, t.Comparator,
                new Quantity(figures[n], t.Unit), $"{ComparatorWord(t.Comparator)}{figures[n]:0.##}{t.Unit}"), tenantId)).ToList();
            data.Indicators.AddRange(indicators);

            // Quarterly milestones towards the first target, cumulative, ending at the deadline.
            var first = indicators[0];
            var milestonesFrom = data.Milestones.Count;
            var quarters = new[] { 3, 6, 9, template.DeadlineMonth }.Where(m => m <= template.DeadlineMonth).Distinct().ToArray();
            for (var q = 0; q < quarters.Length; q++)
            {
                var share = (decimal)(q + 1) / quarters.Length;
                var due = Math.Round(first.TargetValue * share, 1);
                var text = $"{quarters[q]}月底，{first.Label}累计完成{due:0.#}{first.Unit}";
                data.Milestones.Add(Own(first.Unit is "%" or "‰" or "元"
                    ? new Milestone(project.Id, Deadline.Of(year, quarters[q], DatePrecision.EndOfMonth), $"{quarters[q]}月底，完成阶段任务")
                    : new Milestone(project.Id, Deadline.Of(year, quarters[q], DatePrecision.EndOfMonth), text, first.Id, due), tenantId));
            }

            if (spec.Supervised)
            {
                var firstRed = SuperviseYear(data, project, indicators, data.Milestones.GetRange(milestonesFrom, data.Milestones.Count - milestonesFrom), investment, year, random);
                if (firstRed is { } red) redProjects.Add((project, red));
                continue;
            }
            for (var month = 1; month <= reportedThrough; month++)
            {
                var report = Own(new ProgressReport(project.Id, year, month), tenantId);
                var done = Math.Round(first.TargetValue * month / 12m * (0.7m + 0.5m * (decimal)random.NextDouble()), 1);
                report.Write($"截至{month}月底，{first.Label}累计完成{done:0.#}{first.Unit}。", random.Next(4) == 0 ? "项目用地手续办理进度偏慢。" : null,
                    "加快推进施工，按月调度。", investment is { } inv ? Math.Round(inv * month / 12m, 0) : null);
                var status = month < reportedThrough ? ReportStatus.Accepted : (ReportStatus)random.Next(1, 4);
                report.RecordAs(status, new DateTimeOffset(year, month, DateTime.DaysInMonth(year, month), 9, 0, 0, TimeSpan.FromHours(8)));
                data.Reports.Add(report);
                data.Actuals.Add(Own(new ReportActual(report.Id, first.Id, done), tenantId));
            }
        }

        // In a supervised year the office issues a 督办 for the first projects that turned red, ten days after the month's end.
        var sequence = 0;
        foreach (var (redProject, redOn) in redProjects.OrderBy(r => r.RedOn).Take(3))
        {
            var issuedAt = new DateTimeOffset(redOn.AddDays(10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
            var issuedOn = DateOnly.FromDateTime(issuedAt.Date);
            var notice = Own(new Domain.Supervision.SupervisionNotice(redProject.Id, year, ++sequence, 1, $"{redOn.Month}月进度明显滞后于序时进度，亮红灯。",
                "制定整改措施，加快推进，限期报送整改情况。", issuedOn.AddDays(20), "演示数据", issuedAt, issuedOn), tenantId);
            notice.Acknowledge("演示数据", issuedAt.AddDays(1));
            data.Notices.Add(notice);
        }

        // One 督办 notice, signed for by the unit, on the second project: the office's loop has something to show.
        if (reportedThrough is >= 2 and < 12 && data.Projects.Count >= 2)
        {
            var issuedAt = new DateTimeOffset(year, reportedThrough + 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
            var notice = Own(new Domain.Supervision.SupervisionNotice(data.Projects[1].Id, year, 1, 1, $"{reportedThrough}月进度滞后于序时进度。",
                "加快施工进度，下月调度前报送整改情况。", DateOnly.FromDateTime(issuedAt.Date).AddDays(20), "演示数据", issuedAt, DateOnly.FromDateTime(issuedAt.Date)), tenantId);
            notice.Acknowledge("演示数据", issuedAt.AddDays(1));
            data.Notices.Add(notice);
        }
        return data;
    }

    /// <summary>
    /// Twelve monthly reports with every target's cumulative figure, milestones marked achieved at the month's end the
    /// figures reach them, and the project's light recorded by the status rules at every month's end where it changed.
    /// Returns the first month's end the project was red, if it ever was.
    /// </summary>
    private static DateOnly? SuperviseYear(DemoTenantData data, Project project, IReadOnlyList<Indicator> targets, IReadOnlyList<Milestone> milestones,
        decimal? investment, int year, Random random)
    {
        // A project's pace against the plan: most keep to it, some lag, a few run ahead; each month varies around it.
        var pace = 0.55m + 0.65m * (decimal)random.NextDouble();
        var cumulative = new decimal[targets.Count];
        LightSince? recorded = null;
        DateOnly? firstRed = null;
        for (var month = 1; month <= 12; month++)
        {
            var monthEnd = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            var filedAt = new DateTimeOffset(monthEnd.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
            var report = Own(new ProgressReport(project.Id, year, month), project.TenantId);
            for (var t = 0; t < targets.Count; t++)
            {
                var planned = targets[t].TargetValue * month / 12m * pace * (0.9m + 0.2m * (decimal)random.NextDouble());
                cumulative[t] = Math.Max(cumulative[t], Math.Round(Math.Min(planned, targets[t].TargetValue * 1.2m), 1));
                data.Actuals.Add(Own(new ReportActual(report.Id, targets[t].Id, cumulative[t]), project.TenantId));
            }
            report.Write($"截至{month}月底，{targets[0].Label}累计完成{cumulative[0]:0.#}{targets[0].Unit}。", pace < 0.8m ? "项目用地手续办理进度偏慢。" : null,
                "加快推进施工，按月调度。", investment is { } inv ? Math.Round(inv * month / 12m * Math.Min(pace, 1m), 0) : null);
            report.RecordAs(month < 12 ? ReportStatus.Accepted : (ReportStatus)random.Next(1, 4), filedAt);
            data.Reports.Add(report);

            foreach (var milestone in milestones.Where(m => m.AchievedOn is null))
            {
                var reached = milestone.IndicatorId is { } indicator && milestone.CumulativeValue is { } due
                    ? cumulative[targets.ToList().FindIndex(t => t.Id == indicator)] >= due
                    : month >= milestone.DueDate.Month && pace >= 0.85m;
                if (reached) milestone.MarkAchieved(monthEnd, "演示数据", $"{month}月月报及现场照片");
            }

            var facts = new ProjectFacts(year, project.DeadlineDate,
                targets.Select((t, n) => new TargetFact(t.Label, t.Comparator, t.TargetValue, cumulative[n])).ToList(),
                milestones.Select(m => new MilestoneFact(m.Text, m.Due, m.AchievedOn)).ToList(), [], HasAnyReport: true, recorded);
            var assessment = StatusRules.Assess(facts, monthEnd);
            if (assessment.ToRecord() == recorded) continue;
            data.Lights.Add(Own(new LightRecord(project.Id, monthEnd, assessment, JsonSerializer.Serialize(assessment.Reasons, StoredJson.Options), filedAt),
                project.TenantId));
            recorded = assessment.ToRecord();
            if (assessment.Light == Light.Red) firstRed ??= monthEnd;
        }
        return firstRed;
    }

    private static T Own<T>(T entity, Guid tenantId) where T : ITenantOwned
    {
        switch (entity)
        {
            case TenantEntity e: e.TenantId = tenantId; break;
            case ProjectUnit pu: pu.TenantId = tenantId; break;
            case ReportActual a: a.TenantId = tenantId; break;
        }
        return entity;
    }

    private static string ComparatorWord(Comparator c) => c switch
    {
        Comparator.AtLeast => "不少于",
        Comparator.AtMost => "不高于",
        Comparator.Reach => "达到",
        Comparator.About => "约",
        _ => "",
    };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];

    private static string Surname(Random random) => Surnames[random.Next(Surnames.Length)];
}
