-- wrk's done() hook: one line the bench harness parses (wrk's own --latency output has no p95).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH rps=%.1f p50=%.1f p95=%.1f requests=%d non2xx=%d timeouts=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests, summary.errors.status, summary.errors.timeout))
end
