import { graphql } from "../gql";
import { bulletinKindLabel, categoryLabel, formatNumber, formatPeriod } from "../lib/labels";
import { Empty, ErrorBox, Loading, ProgressBar } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const PublicDisclosureDocument = graphql(`
  query PublicDisclosure($regionCode: String!) {
    publicDisclosure(regionCode: $regionCode) {
      name regionCode
      plans {
        year title issuer documentNumber
        projects {
          sequence name content category deadline leadUnits state latestPeriod latestProgress
          targets { label comparator targetValue unit achieved completionPercent }
        }
      }
      bulletins { kind year period version title asOf publishedAt html }
    }
  }
`);

/** What a government published, for anyone, with no sign-in; laid out for a phone first. */
export function PublicPage({ regionCode }: { regionCode: string }) {
  const { data, error, reload } = useQuery(PublicDisclosureDocument, { regionCode }, { anonymous: true });
  if (error) return <main className="public"><ErrorBox error={error} retry={reload} /></main>;
  if (!data) return <main className="public"><Loading /></main>;
  const d = data.publicDisclosure;
  if (!d) return <main className="public"><Empty>没有找到这个地区的公开信息。</Empty></main>;
  return (
    <main className="public">
      <h1>{d.name}民生实事公开</h1>
      {d.plans.length === 0 && <Empty>尚未公开民生实事计划。</Empty>}
      {d.plans.map((plan) => (
        <section key={plan.year}>
          <h2>{plan.title}</h2>
          <p className="meta">{[plan.issuer, plan.documentNumber].filter(Boolean).join(" · ")}</p>
          <ol className="public-projects">
            {plan.projects.map((p) => (
              <li key={p.sequence} className="card">
                <h3>{p.sequence}. {p.name}{p.category ? <span className="tag">{categoryLabel[p.category] ?? p.category}</span> : null}</h3>
                {p.content && <p>{p.content}</p>}
                <p className="meta">责任单位：{p.leadUnits.join("、") || "—"}{p.deadline ? ` · 完成时限：${p.deadline}` : ""}</p>
                {p.targets.map((t) => (
                  <div key={t.label} className="target">
                    <span>{t.label}：目标 {formatNumber(t.targetValue)}{t.unit}，已完成 {formatNumber(t.achieved)}{t.achieved === null || t.achieved === undefined ? "" : t.unit}</span>
                    <ProgressBar percent={t.completionPercent} label={`${t.label}完成进度`} />
                  </div>
                ))}
                {p.latestPeriod && <p className="latest">{formatPeriod(p.latestPeriod)}进展：{p.latestProgress}</p>}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section>
        <h2>通报与报告</h2>
        {d.bulletins.length === 0 ? <Empty>尚未公开通报。</Empty> : d.bulletins.map((b) => (
          <details key={`${b.kind}-${b.year}-${b.period}-${b.version}`} className="bulletin">
            <summary>{b.title}（{bulletinKindLabel[b.kind] ?? b.kind}，截至 {b.asOf}）</summary>
            {/* The bulletin as the server rendered it, in a sandbox: no script of its own runs. */}
            <iframe title={b.title} sandbox="" srcDoc={b.html} />
          </details>
        ))}
      </section>
    </main>
  );
}
