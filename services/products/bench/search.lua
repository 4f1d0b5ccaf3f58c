local queries = {"iphone", "wireless%20headphones", "leather%20boot", "smart%20watch", "iphnoe", "laptop", "kettle", "modern%20lamp", "vintage%20guitar", "rugged%20backpack", "eco%20mug", "camera", "creme", "galaxy", "portable%20speaker", "deluxe%20sofa"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/products?limit=24&q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("req/s %.0f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
