-- wrk script: GET each path of the file PATHS_FILE in turn (threads interleave, so no path repeats until the
-- file is exhausted), and print p50/p95/p99. Used for cold (first-touch) and warm (small repeated set) runs.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
  end
  index = id
  step = tonumber(os.getenv("WRK_THREADS") or "2")
end

function request()
  local path = paths[(index % #paths) + 1]
  index = index + step
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("  req/s %.0f | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms | max %.1f ms | requests %d | errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, errors))
end
