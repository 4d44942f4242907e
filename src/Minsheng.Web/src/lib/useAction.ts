import { useState } from "react";
import { ApiError } from "./api";

/**
 * A change the person asked for: while it runs the page knows which (`running`, a key of the caller's choice), a refusal
 * is kept to show, and what it changed is read again afterwards.
 */
export function useAction(reload: () => void) {
  const [running, setRunning] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<unknown>, key = "") => {
    setRunning(key);
    setFailure(null);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(String(e)));
      return false;
    } finally {
      setRunning(null);
    }
  };
  return { running, busy: running !== null, failure, run };
}
