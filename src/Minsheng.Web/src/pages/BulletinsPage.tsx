import { useState } from "react";
import { graphql } from "../gql";
import type { BulletinKind } from "../gql/graphql";
import { ApiError, request } from "../lib/api";
import { saveFile } from "../lib/download";
import { bulletinKindLabel, formatTime } from "../lib/labels";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useAction } from "../lib/useAction";
import { useQuery } from "../lib/useQuery";

const BulletinsDocument = graphql(`
  query Bulletins($year: Int) {
    plans { year }
    bulletins(year: $year) { id kind year period version title asOf published publishedBy publishedAt generatedBy generatedAt html }
  }
`);

const GenerateDocument = graphql(`
  mutation GenerateBulletin($input: GenerateBulletinInput!) { generateBulletin(input: $input) { id title version } }
`);
const PublishDocument = graphql(`mutation PublishBulletin($id: ID!) { publishBulletin(input: { id: $id }) { id published } }`);
const WithdrawDocument = graphql(`mutation WithdrawBulletin($id: ID!) { withdrawBulletin(input: { id: $id }) { id published } }`);
const DocxDocument = graphql(`
  query BulletinDocx($id: ID!) { node(id: $id) { ... on Bulletin { docx { fileName mediaType contentBase64 } } } }
`);

/** The supervision office's 通报: generated from the data as versions, previewed, downloaded as .docx, published or withdrawn. */
export function BulletinsPage() {
  const [year, setYear] = useState<number | null>(null);
  const list = useQuery(BulletinsDocument, { year });
  const planYears = [...new Set(list.data?.plans.map((p) => p.year) ?? [])].sort((a, b) => b - a);
  const shownYear = year ?? planYears[0] ?? new Date().getFullYear();
  const [kind, setKind] = useState<BulletinKind>("MONTHLY");
  const [period, setPeriod] = useState(1);
  const { busy, failure, run } = useAction(list.reload);
  const [preview, setPreview] = useState<string | null>(null);

  const download = (id: string) =>
    run(async () => {
      const data = await request(DocxDocument, { id });
      const file = data.node && "docx" in data.node ? data.node.docx : null;
      if (!file) throw new ApiError("没有找到这份通报。", "NOT_FOUND");
      saveFile(file);
    });

  return (
    <section>
      <h1>通报与报告</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => request(GenerateDocument, { input: { kind, year: shownYear, period: kind === "YEAR_END" ? null : period } }));
        }}
      >
        <label>
          年度
          <select value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
            {(planYears.length ? planYears : [shownYear]).map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        <label>
          类型
          <select value={kind} onChange={(e) => setKind(e.target.value as BulletinKind)}>
            {Object.entries(bulletinKindLabel).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </label>
        {kind !== "YEAR_END" && (
          <label>
            {kind === "MONTHLY" ? "月份" : "季度"}
            <select value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
              {Array.from({ length: kind === "MONTHLY" ? 12 : 4 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>{kind === "MONTHLY" ? `${n}月` : `第${n}季度`}</option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>生成</button>
      </form>
      {failure && <ErrorBox error={failure} />}
      {list.error ? <ErrorBox error={list.error} retry={list.reload} /> : !list.data ? <Loading what="加载通报" /> : list.data.bulletins.length === 0 ? (
        <Empty>本年度还没有生成通报。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="bulletins">
            <thead><tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">版本</th><th scope="col">数据截至</th><th scope="col">生成</th><th scope="col">公开</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {list.data.bulletins.map((b) => (
                <tr key={b.id}>
                  <td>{b.title}</td>
                  <td>{bulletinKindLabel[b.kind]}</td>
                  <td>第{b.version}版</td>
                  <td>{b.asOf}</td>
                  <td>{b.generatedBy} {formatTime(b.generatedAt)}</td>
                  <td>{b.published ? `已公开（${formatTime(b.publishedAt)}）` : "未公开"}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setPreview(preview === b.id ? null : b.id)}>{preview === b.id ? "收起" : "预览"}</button>
                    <button type="button" disabled={busy} onClick={() => void download(b.id)}>下载 .docx</button>
                    {b.published
                      ? <button type="button" disabled={busy} onClick={() => void run(() => request(WithdrawDocument, { id: b.id }))}>撤回</button>
                      : <button type="button" className="primary" disabled={busy} onClick={() => void run(() => request(PublishDocument, { id: b.id }))}>公开</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && list.data?.bulletins.find((b) => b.id === preview) && (
        <div className="bulletin">
          <iframe title="通报预览" sandbox="" srcDoc={list.data.bulletins.find((b) => b.id === preview)!.html} />
        </div>
      )}
    </section>
  );
}
