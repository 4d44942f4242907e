import { useState } from "react";
import { graphql } from "../gql";
import { ApiError, request } from "../lib/api";
import { saveFile } from "../lib/download";
import { Link } from "../lib/router";
import { can, useSession } from "../lib/session";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useQuery } from "../lib/useQuery";

const PlansDocument = graphql(`
  query Plans {
    plans { id year title issuer documentNumber issuedOn status sourceDocumentName }
  }
`);

const ExportDocument = graphql(`
  query PlanExport($id: ID!) { plan(id: $id) { export(format: DOCX) { fileName mediaType contentBase64 } } }
`);

const planStatusLabel: Record<string, string> = { DRAFT: "草稿", PUBLISHED: "已发布", CLOSED: "已结束" };

/** The tenant's plans, newest first: each opens its projects, and downloads as the annex table (.docx). */
export function PlansPage() {
  const session = useSession();
  const { data, error, reload } = useQuery(PlansDocument);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const download = async (id: string) => {
    setFailure(null);
    try {
      const file = (await request(ExportDocument, { id })).plan?.export;
      if (!file) throw new ApiError("没有找到这个计划。", "NOT_FOUND");
      saveFile(file);
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(String(e)));
    }
  };
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading what="加载计划" />;
  const plans = [...data.plans].sort((a, b) => b.year - a.year);
  return (
    <section>
      <h1>民生实事计划</h1>
      {can(session, "EditPlans") && <p><Link className="button" to="/import">导入计划文件</Link></p>}
      {failure && <ErrorBox error={failure} />}
      {plans.length === 0 ? <Empty>还没有计划。</Empty> : (
        <div className="table-wrap">
          <table className="plans">
            <thead><tr><th scope="col">年度</th><th scope="col">计划</th><th scope="col">文号</th><th scope="col">印发</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>{p.year}</td>
                  <td><Link to={`/projects?plan=${encodeURIComponent(p.id)}`}>{p.title}</Link></td>
                  <td>{p.documentNumber ?? "—"}</td>
                  <td>{[p.issuer, p.issuedOn].filter(Boolean).join(" ") || "—"}</td>
                  <td>{planStatusLabel[p.status] ?? p.status}</td>
                  <td><button type="button" onClick={() => void download(p.id)}>下载 .docx</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
