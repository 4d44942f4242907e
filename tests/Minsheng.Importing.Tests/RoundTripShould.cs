namespace Minsheng.Importing.Tests;

/// <summary>A plan exported to .docx or .xlsx reads back into the same projects, units, targets and milestones.</summary>
public sealed class RoundTripShould
{
    public static TheoryData<string> Seeds => new() { "000", "002", "003" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SurviveDocxExport(string seed) => AssertSame(SeedDocuments.Import(seed), d => PlanExporter.ToDocx(d), "plan.docx");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SurviveXlsxExport(string seed) => AssertSame(SeedDocuments.Import(seed), d => PlanExporter.ToXlsx(d), "plan.xlsx");

    private static void AssertSame(PlanDraft original, Func<PlanDraft, byte[]> export, string fileName)
    {
        var back = TestDocuments.ImportOk(export(original), fileName);
        Assert.Equal(original.Year, back.Year);
        Assert.Equal(original.Title, back.Title);
        Assert.Equal(original.DocumentNumber, back.DocumentNumber);
        Assert.Equal(original.IssuedOn, back.IssuedOn);
        Assert.Equal(original.Issuer, back.Issuer);
        var before = original.AllProjects().ToList();
        var after = back.AllProjects().ToList();
        Assert.Equal(before.Select(p => p.Sequence), after.Select(p => p.Sequence));
        for (var i = 0; i < before.Count; i++)
        {
            var (a, b) = (before[i], after[i]);
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.CategoryTag, b.CategoryTag);
            Assert.Equal(a.Content, b.Content);
            Assert.Equal(a.InvestmentYuan, b.InvestmentYuan);
            Assert.Equal(a.InvestmentText, b.InvestmentText);
            Assert.Equal(a.LeadUnits, b.LeadUnits);
            Assert.Equal(a.CoUnits, b.CoUnits);
            Assert.Equal(a.CertificationUnits, b.CertificationUnits);
            Assert.Equal(a.ResponsibleLeader, b.ResponsibleLeader);
            Assert.Equal(a.CommandHeadquarters, b.CommandHeadquarters);
            Assert.Equal(a.Deadline, b.Deadline);
            Assert.Equal(a.Targets.Select(t => (t.Label, t.Comparator, t.Value, t.Unit)), b.Targets.Select(t => (t.Label, t.Comparator, t.Value, t.Unit)));
            Assert.Equal(a.Milestones.Select(m => (m.Due, m.Text, m.TargetIndex, m.CumulativeValue)),
                b.Milestones.Select(m => (m.Due, m.Text, m.TargetIndex, m.CumulativeValue)));
        }
    }
}
