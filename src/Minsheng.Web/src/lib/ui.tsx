import type { ReactNode } from "react";
import { ApiError } from "./api";
import { beginSignIn } from "./auth";
import { errorCodeLabel, lightLabel } from "./labels";

export function Loading({ what = "加载中" }: { what?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </div>
  );
}

/** A GraphQL error shows its own message (and what kind of refusal it is), never a blank page. */
export function ErrorBox({ error, retry }: { error: ApiError | Error; retry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="state error" role="alert">
      <strong>{(code && errorCodeLabel[code]) || "出错了"}</strong>
      <span className="message">{error.message}</span>
      {code && <code className="code">{code}</code>}
      {code === "UNAUTHENTICATED" && (
        <button type="button" className="primary" onClick={() => void beginSignIn(location.pathname + location.search)}>
          重新登录
        </button>
      )}
      {retry && code !== "UNAUTHENTICATED" && (
        <button type="button" onClick={retry}>
          重试
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

export function LightBadge({ light }: { light: string | null | undefined }) {
  if (!light) return <span className="light none">—</span>;
  return (
    <span className={`light ${light.toLowerCase()}`}>
      <span className="dot" aria-hidden="true" />
      {lightLabel[light] ?? light}
    </span>
  );
}

export function ProgressBar({ percent, label }: { percent: number | null | undefined; label: string }) {
  const value = percent === null || percent === undefined ? null : Math.max(0, percent);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value ?? undefined}>
      <div className="bar" style={{ width: `${Math.min(100, value ?? 0)}%` }} />
      <span className="value">{value === null ? "暂无数据" : `${value}%`}</span>
    </div>
  );
}
