-- Loaded by bench/lib/load.ts as `wrk -s`. The request comes from the environment, so one
-- script serves every row; done() prints one JSON line for load.ts to parse instead of
-- wrk's human-readable summary.

wrk.method = os.getenv("WRK_METHOD") or wrk.method
wrk.body = os.getenv("WRK_BODY") or wrk.body
local contentType = os.getenv("WRK_CONTENT_TYPE")
if contentType then
  wrk.headers["Content-Type"] = contentType
end

-- A script that counts its answers itself (wrk counts only statuses above 399) defines
-- answerCounts(), returning a table of name → count; they join the line as "answers".
local function answersField()
  if not answerCounts then
    return ""
  end
  local parts = {}
  for name, count in pairs(answerCounts()) do
    table.insert(parts, string.format('"%s":%d', name, count))
  end
  return ',"answers":{' .. table.concat(parts, ",") .. "}"
end

-- Durations and latencies are in microseconds; errors.status counts statuses above 399 only.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"status_errors":%d,' ..
      '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
      '"p50_us":%d,"p99_us":%d%s}\n',
    summary.requests, summary.duration, summary.bytes, errors.status,
    errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(99), answersField()))
end
