-- wrk script used by bench/search.sh: each request searches for the next of the paths in
-- SEARCH_PATHS (one per line, already URL-encoded), so a run mixes common and rare words
-- in the three languages; at the end, report.lua prints the RESULT line.

local dir = os.getenv("BENCH_DIR") or "bench"
dofile(dir .. "/report.lua")

local paths = {}
for line in string.gmatch(os.getenv("SEARCH_PATHS") or "/search?q=tent", "[^\n]+") do
	table.insert(paths, line)
end

local counter = 0

init = function(args)
	-- threads start at different paths so they do not search in lockstep
	counter = math.random(#paths) - 1
end

request = function()
	counter = counter + 1
	return wrk.format("GET", paths[(counter % #paths) + 1])
end
