-- wrk script used by bench/load.sh: at the end of a run, prints one machine-readable
-- line with throughput, latency percentiles (milliseconds) and error counts.
-- Optional: ACCEPT_LANGUAGE (e.g. "zh-CN") is sent as the Accept-Language header, and
-- USER_AGENT as the User-Agent header with "Accept: text/html", as a browser's page
-- navigation (the portal counts a page view only for a request with a User-Agent).

local accept_language = os.getenv("ACCEPT_LANGUAGE")
if accept_language ~= nil and accept_language ~= "" then
	wrk.headers["Accept-Language"] = accept_language
end
local user_agent = os.getenv("USER_AGENT")
if user_agent ~= nil and user_agent ~= "" then
	wrk.headers["User-Agent"] = user_agent
	wrk.headers["Accept"] = "text/html"
end

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
