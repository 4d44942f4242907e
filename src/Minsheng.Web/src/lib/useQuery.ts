import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, request, type TypedDocument } from "./api";

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when the variables change (compared as JSON); the last answer wins when requests overlap. */
export function useQuery<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables?: TVariables,
  options: { anonymous?: boolean; skip?: boolean } = {},
): QueryState<TResult> {
  const [state, setState] = useState<{ data: TResult | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !options.skip });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(variables ?? null);
  useEffect(() => {
    if (options.skip) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    request(document, variables, { anonymous: options.anonymous })
      .then((data) => id === latest.current && setState({ data, error: null, loading: false }))
      .catch((e: unknown) => id === latest.current && setState({ data: null, error: e instanceof ApiError ? e : new ApiError(String(e)), loading: false }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, tick, options.skip, options.anonymous]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
