import { useState } from "react";
import { graphql } from "../gql";
import type { ImportPlanMutation } from "../gql/graphql";
import { ApiError, request } from "../lib/api";
import { Link } from "../lib/router";
import { useSession } from "../lib/session";
import { ErrorBox } from "../lib/ui";
import * as Henan from "../plugins/henan/Categorizations";

const ImportDocument = graphql(`
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      succeeded dryRun alreadyImported detectedFormat detectedEncoding projectCount table recordedActuals createdUnits
      plan { id year title status }
      errors { code message location }
      warnings { code message location }
    }
  }
`);

const maxBytes = 10 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new ApiError("无法读取这个文件。", "BAD_USER_INPUT"));
    reader.readAsDataURL(file);
  });
}

type Result = ImportPlanMutation["importPlan"];

/**
 * The import wizard: a plan document as the county published it (.txt, .docx, .xlsx) → the server reads it without
 * writing anything and shows what it found, with its warnings → the person confirms → the plan is created as a draft.
 */
export function ImportPage() {
  const session = useSession();
  // With the Henan plugin the preview shows its categorizations, and the person's ticks are confirmed with the commit.
  const henan = session.enabledPlugins.includes(Henan.PluginId);
  const [categorizations, setCategorizations] = useState<Henan.DraftCategorization[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [confirmedCount, setConfirmedCount] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      if (file.size > maxBytes) throw new ApiError(`文件超过 10 MB（${(file.size / 1024 / 1024).toFixed(1)} MB），请拆分后再导入。`, "BAD_USER_INPUT");
      const content = await readBase64(file);
      const result = (await request(ImportDocument, { input: { fileName: file.name, contentBase64: content, dryRun } })).importPlan;
      if (dryRun) {
        if (henan && result.succeeded) {
          const found = await Henan.draftCategorizations(file.name, content);
          setCategorizations(found);
          // Confident matches start ticked; doubtful ones wait for the person.
          setConfirmed(Henan.confidentSequences(found));
        }
        setPreview(result);
      } else {
        setDone(result);
        // The plan is in; confirming is a second step whose refusal is shown without hiding that the import succeeded.
        if (henan && result.plan && !result.alreadyImported) setConfirmedCount(await Henan.confirm(result.plan.id, confirmed));
      }
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import">
      <h1>导入计划文件</h1>
      <ol className="steps">
        <li className={!preview ? "current" : ""}>选择文件</li>
        <li className={preview && !done ? "current" : ""}>预览与核对</li>
        <li className={done ? "current" : ""}>确认导入</li>
      </ol>
      {!done && (
        <div className="card">
          <label htmlFor="plan-file">计划文件（.txt、.docx、.xlsx，不超过 10 MB）</label>
          <input
            id="plan-file"
            type="file"
            accept=".txt,.docx,.xlsx"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
          <div className="actions">
            <button type="button" disabled={!file || busy} onClick={() => void run(true)}>{busy && !preview ? "读取中…" : "读取并预览"}</button>
          </div>
        </div>
      )}
      {failure && <ErrorBox error={failure} />}
      {preview && !done && (
        <div className="card preview">
          <h2>读取结果</h2>
          <p>
            格式 {preview.detectedFormat}{preview.detectedEncoding ? `（${preview.detectedEncoding}）` : ""}，共 {preview.projectCount} 个项目
            {preview.alreadyImported ? "。这个文件以前导入过，确认后不会重复创建。" : "。"}
          </p>
          {preview.errors.length > 0 && (
            <div role="alert" className="issues errors">
              <strong>无法导入：</strong>
              <ul>{preview.errors.map((e, i) => <li key={i}>{e.location ? `${e.location}：` : ""}{e.message}</li>)}</ul>
            </div>
          )}
          {preview.warnings.length > 0 && (
            <div className="issues warnings">
              <strong>请核对（{preview.warnings.length} 条提示）：</strong>
              <ul>{preview.warnings.slice(0, 8).map((w, i) => <li key={i}>{w.location ? `${w.location}：` : ""}{w.message}</li>)}</ul>
              {preview.warnings.length > 8 && (
                <details>
                  <summary>其余 {preview.warnings.length - 8} 条</summary>
                  <ul>{preview.warnings.slice(8).map((w, i) => <li key={i}>{w.location ? `${w.location}：` : ""}{w.message}</li>)}</ul>
                </details>
              )}
            </div>
          )}
          {henan && categorizations.length > 0 && <Henan.CategorizationReview items={categorizations} checked={confirmed} onChange={setConfirmed} />}
          {preview.table && <pre className="draft-table">{preview.table}</pre>}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !preview.succeeded} onClick={() => void run(false)}>{busy ? "导入中…" : "确认导入"}</button>
            <button type="button" onClick={() => setPreview(null)}>重新选择</button>
          </div>
        </div>
      )}
      {done && (
        <div className="card" role="status">
          <h2>{done.alreadyImported ? "这个文件以前已导入" : "已导入"}</h2>
          {done.plan && <p>{done.plan.title}（{done.plan.year}年，{done.plan.status === "DRAFT" ? "草稿，发布前可修改" : done.plan.status}），{done.projectCount} 个项目。</p>}
          {done.createdUnits.length > 0 && <p>新增单位：{done.createdUnits.join("、")}</p>}
          {confirmedCount !== null && <p>已确认 {confirmedCount} 个项目的分类，其目标计入上级按任务汇总。</p>}
          {done.plan && <Link className="button primary" to={`/projects?plan=${encodeURIComponent(done.plan.id)}`}>查看项目</Link>}
        </div>
      )}
    </section>
  );
}
