using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>A year's 民生实事 plan, as issued in one notice (e.g. 泾政办发〔2023〕4号).</summary>
public sealed class Plan : TenantEntity
{
    private Plan() { Title = ""; }

    public Plan(int year, string title)
    {
        Title = "";
        Update(year, title, null, null, null, null);
    }

    public int Year { get; private set; }
    public string Title { get; private set; }
    public string? Issuer { get; private set; }
    public string? DocumentNumber { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    /// <summary>The approval sentence, e.g. "经县十七届人大常委会第十次会议票决通过".</summary>
    public string? Approval { get; private set; }
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    public string? SourceDocumentName { get; private set; }
    /// <summary>SHA-256 of the imported file; makes re-importing the same file a no-op.</summary>
    public string? SourceDocumentHash { get; private set; }

    public void Update(int year, string title, string? issuer, string? documentNumber, DateOnly? issuedOn, string? approval)
    {
        if (year is < 2000 or > 2100) throw DomainException.Invalid("year", $"Year {year} is outside 2000–2100.");
        if (string.IsNullOrWhiteSpace(title)) throw DomainException.Invalid("title", "A plan needs a title.");
        if (title.Trim().Length > 300) throw DomainException.Invalid("title", "A plan title is at most 300 characters.");
        Year = year;
        Title = title.Trim();
        Issuer = Limit(Blank(issuer), 200, "issuer");
        DocumentNumber = Limit(Blank(documentNumber), 100, "documentNumber");
        IssuedOn = issuedOn;
        Approval = Blank(approval);
    }

    public void SetSource(string name, string sha256Hex)
    {
        SourceDocumentName = name.Length <= 300 ? name : name[..300];
        SourceDocumentHash = sha256Hex;
    }

    public void Publish()
    {
        if (Status != PlanStatus.Draft) throw DomainException.Conflict($"Only a draft plan can be published; this one is {Status}.");
        Status = PlanStatus.Published;
    }

    public void Close()
    {
        if (Status != PlanStatus.Published) throw DomainException.Conflict($"Only a published plan can be closed; this one is {Status}.");
        Status = PlanStatus.Closed;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Refuses text longer than its column, naming the field, instead of letting the database fail.</summary>
    internal static string? Limit(string? s, int max, string field) =>
        s is { Length: var n } && n > max ? throw DomainException.Invalid(field, $"{field} is at most {max} characters; this is {n}.") : s;

    /// <summary>Refuses amounts the database cannot hold (numeric(18,2) and (20,4)).</summary>
    internal static decimal? Range(decimal? value, decimal max, string field) =>
        value is { } v && Math.Abs(v) >= max ? throw DomainException.Invalid(field, $"{field} {v} is out of range.") : value;
}
