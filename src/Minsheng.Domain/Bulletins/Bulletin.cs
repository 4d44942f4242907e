using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Bulletins;

/// <summary>What a bulletin reports on.</summary>
public enum BulletinKind
{
    /// <summary>月度通报: a month's progress, lagging projects, unit ranking, overdue reports, 督办.</summary>
    Monthly,
    /// <summary>季度报告: the same over a quarter.</summary>
    Quarterly,
    /// <summary>年度完成情况: the year-end public disclosure, by category, target by target.</summary>
    YearEnd,
}

/// <summary>
/// A generated bulletin: one version of a period's 通报, 报告 or 完成情况, as .docx and HTML with the figures it was made
/// from. Regenerating makes a new version; the older ones stay. Publishing a version makes it — and only it, among the
/// period's versions — readable by the public.
/// </summary>
public sealed class Bulletin : TenantEntity
{
    private Bulletin() { Title = Html = Figures = GeneratedBy = ""; Docx = []; }

    public Bulletin(BulletinKind kind, int year, int period, int version, string title, DateOnly asOf, string html, byte[] docx, string figures,
        string generatedBy, DateTimeOffset generatedAt)
    {
        if (year is < 2000 or > 2100) throw DomainException.Invalid("year", $"Year {year} is outside 2000–2100.");
        var periods = kind switch { BulletinKind.Monthly => 12, BulletinKind.Quarterly => 4, _ => 0 };
        if (kind == BulletinKind.YearEnd ? period != 0 : period < 1 || period > periods)
            throw DomainException.Invalid("period", kind == BulletinKind.YearEnd ? "A year-end disclosure has no period." : $"A {kind.ToString().ToLowerInvariant()} bulletin's period is 1–{periods}.");
        Kind = kind;
        Year = year;
        Period = period;
        Version = version;
        Title = title;
        AsOf = asOf;
        Html = html;
        Docx = docx;
        Figures = figures;
        GeneratedBy = generatedBy;
        GeneratedAt = generatedAt;
    }

    public BulletinKind Kind { get; private set; }
    public int Year { get; private set; }
    /// <summary>The month (1–12) or quarter (1–4); 0 for the year-end disclosure.</summary>
    public int Period { get; private set; }
    /// <summary>1, 2, … per kind and period, in the order generated.</summary>
    public int Version { get; private set; }
    public string Title { get; private set; }
    /// <summary>The day the data were read as of.</summary>
    public DateOnly AsOf { get; private set; }
    public string Html { get; private set; }
    public byte[] Docx { get; private set; }
    /// <summary>The figures the bulletin states, as JSON: what tests and dashboards compare with the data.</summary>
    public string Figures { get; private set; }
    public string GeneratedBy { get; private set; }
    public DateTimeOffset GeneratedAt { get; private set; }
    public bool Published { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public void Publish(string by, DateTimeOffset at)
    {
        if (Published) throw DomainException.IllegalTransition("This bulletin is already published.");
        Published = true;
        PublishedBy = by;
        PublishedAt = at;
    }

    /// <summary>Takes it off the public page (a newer version replaces it, or it was published by mistake).</summary>
    public void Withdraw()
    {
        if (!Published) throw DomainException.IllegalTransition("This bulletin is not published.");
        Published = false;
        PublishedBy = null;
        PublishedAt = null;
    }
}
