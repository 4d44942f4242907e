-- wrk script of bench/run.sh: POSTs one GraphQL document, rotating the tenant per request over a list of
-- tenants, and counts what HTTP status alone would miss.
--   wrk ... -s page.lua http://127.0.0.1:PORT/graphql -- <tenants file> <body file>
-- A line of the tenants file is a region code (sent as X-Tenant, PostGraphile's header behind a gateway) or a
-- region code, a tab and a bearer token (sent as Authorization: Bearer; the token carries the tenant).
-- At the end it prints one line "BENCH_RESULT {json}" with throughput, latency percentiles, non-2xx
-- responses and responses whose body carries "errors" (GraphQL errors come back with HTTP 200 too).

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

local prepared = {}
local next_index = 1
responses = 0
non2xx = 0
graphql_errors = 0

local function read_all(path)
  local f = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
  local s = f:read("*a")
  f:close()
  return s
end

function init(args)
  local tenants = {}
  for line in read_all(args[1]):gmatch("[^\r\n]+") do
    if line:match("%S") then table.insert(tenants, line) end
  end
  assert(#tenants > 0, "no tenants in " .. tostring(args[1]))
  local body = read_all(args[2])
  -- A body file "GET <path>" asks that path with GET (a persisted document, as dashboards poll) instead of POSTing.
  local get_path = body:match("^GET%s+(%S+)")
  for i, line in ipairs(tenants) do
    local code, token = line:match("^%s*(%S+)%s+(%S+)%s*$")
    local headers = {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/graphql-response+json, application/json;q=0.9",
    }
    if token then
      headers["Authorization"] = "Bearer " .. token
    else
      headers["X-Tenant"] = (line:gsub("%s", ""))
    end
    if get_path then
      headers["Content-Type"] = nil
      prepared[i] = wrk.format("GET", get_path, headers)
    else
      prepared[i] = wrk.format("POST", wrk.path, headers, body)
    end
  end
  -- Threads start at different places in the rotation.
  next_index = ((id or 0) * math.floor(#prepared / 2)) % #prepared + 1
end

function request()
  local r = prepared[next_index]
  next_index = next_index + 1
  if next_index > #prepared then next_index = 1 end
  return r
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if body ~= nil and string.find(body, '"errors"', 1, true) then graphql_errors = graphql_errors + 1 end
end

function done(summary, latency, requests)
  local total_responses, total_non2xx, total_errors = 0, 0, 0
  for _, t in ipairs(threads) do
    total_responses = total_responses + (t:get("responses") or 0)
    total_non2xx = total_non2xx + (t:get("non2xx") or 0)
    total_errors = total_errors + (t:get("graphql_errors") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
    '"mean_ms":%.3f,"max_ms":%.3f,"responses_checked":%d,"non2xx":%d,"graphql_errors":%d,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"wrk_status_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000,
    total_responses, total_non2xx, total_errors,
    e.connect, e.read, e.write, e.timeout, e.status))
end
