done = function(summary, latency, requests)
  io.write(string.format("req/s %.0f  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  errors %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
