-- wrk script used by bench/engagement-overhead.sh: at the end of a run, prints one machine-readable
-- line with throughput, latency percentiles (milliseconds) and error counts.
-- Optional: ACCEPT_LANGUAGE (e.g. "zh-CN") is sent as the Accept-Language header.

-- Sent as a browser's page navigation would be, so that the portal counts each request as
-- a page view (it skips requests without a User-Agent, which wrk sends none of). wrk keeps
-- no cookies: every request is a new visit, the dearest case (a new random visit id).
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) rapport-bench"
wrk.headers["Accept"] = "text/html"

done = function(summary, latency, requests)
	local seconds = summary.duration / 1e6
	local errors = summary.errors
	local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
	io.write(string.format(
		"RESULT requests=%d seconds=%.2f rps=%.1f mean=%.2f p50=%.2f p75=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f"
			.. " non2xx3xx=%d socket_errors=%d bytes=%d\n",
		summary.requests,
		seconds,
		summary.requests / seconds,
		latency.mean / 1000,
		latency:percentile(50) / 1000,
		latency:percentile(75) / 1000,
		latency:percentile(90) / 1000,
		latency:percentile(95) / 1000,
		latency:percentile(99) / 1000,
		latency.max / 1000,
		errors.status,
		socket_errors,
		summary.bytes
	))
end
