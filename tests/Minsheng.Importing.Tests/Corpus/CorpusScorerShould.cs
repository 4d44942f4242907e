using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>The scorer's own rules, so that a change in the figure means a change in the importer, not in the ruler.</summary>
public sealed class CorpusScorerShould
{
    [Theory]
    [InlineData(1.2, "万人", 12000, "人")]
    [InlineData(3, "亿元", 30000, "万元")]
    [InlineData(500, "名", 500, "人")]
    [InlineData(50, "万平方米", 500000, "平方米")]
    [InlineData(5.6, "万人次", 56000, "人次")]
    public void Treat_one_quantity_in_two_spellings_as_equal(double a, string unitA, double b, string unitB) =>
        Assert.Equal(CorpusScorer.Canon((decimal)a, unitA), CorpusScorer.Canon((decimal)b, unitB));

    [Fact]
    public void Keep_different_measures_apart() =>
        Assert.NotEqual(CorpusScorer.Canon(10, "人次"), CorpusScorer.Canon(10, "人"));

    private static CorpusDocument OneRow(params ExpectedTarget[] targets) => new("scorer", "test", "scorer.docx",
        () => TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位", "完成时限"],
            ["1", "公交候车亭", "新建候车亭40座。", "县交通局", "2025年10月"],
        ]), 2025,
        [new ExpectedProject("1", "公交候车亭", Units("县交通局"), null, Month(2025, 10), targets)]);

    [Fact]
    public void Score_a_document_read_exactly_as_all_right()
    {
        var score = CorpusScorer.Score(OneRow(T(40, "座")));
        Assert.Equal(5, score.Expected); // sequence, name, one lead unit, deadline, one target
        Assert.Equal(5, score.Right);
        Assert.Equal(1m, score.Accuracy);
    }

    [Fact]
    public void Count_a_figure_the_document_does_not_state_as_an_extra_field()
    {
        var score = CorpusScorer.Score(OneRow());
        Assert.Equal(4, score.Expected);
        Assert.Equal(1, score.Extra);
        Assert.Equal(0.8m, score.Accuracy);
    }

    [Fact]
    public void Count_a_wrong_comparator_as_a_wrong_field()
    {
        var score = CorpusScorer.Score(OneRow(AtLeast(40, "座")));
        Assert.Equal(1, score.Wrong);
        Assert.Equal(0, score.Extra);
    }
}
