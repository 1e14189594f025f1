-- wrk script for kurdi serve's /api/search: cycles through Kurdish,
-- Latin-script, phrase, prefix and OR queries (percent-encoded UTF-8), one
-- page of 10 results each. Used by tests/serve/load_test.sh and
-- bench/serve/run.sh (which passes its own list in KURDI_WRK_QUERIES, one
-- query per line, already encoded).
local queries = {
  "%D8%A8%DB%95%D8%B1%D9%BE%D8%B1%D8%B3",                      -- بەرپرس
  "%D9%87%DB%8E%D8%B2",                                        -- هێز
  "hewl%C3%AAr",                                               -- hewlêr
  "slemani",                                                   -- slemani
  "%D9%83%D8%B1%D8%AF%D9%86",                                  -- کردن (with Arabic kaf)
  "%22%D9%87%DB%95%D8%B1%DB%8E%D9%85%DB%8C%20%DA%A9%D9%88%D8%B1%D8%AF%D8%B3%D8%AA%D8%A7%D9%86%22", -- "هەرێمی کوردستان"
  "%DA%A9%D9%88%D8%B1%D8%AF*",                                 -- کورد*
  "%D9%87%DB%95%D9%88%D9%84%DB%8E%D8%B1%20OR%20%D8%B3%D9%84%DB%8E%D9%85%D8%A7%D9%86%DB%8C", -- هەولێر OR سلێمانی
}
local file = os.getenv("KURDI_WRK_QUERIES")
if file and file ~= "" then
  queries = {}
  for line in io.lines(file) do
    if line ~= "" then queries[#queries + 1] = line end
  end
end
local prefix = os.getenv("KURDI_WRK_PREFIX") or ""
local counter = 0

function setup(thread)
  thread:set("counter", math.random(1, #queries))
end

function request()
  counter = counter + 1
  return wrk.format("GET", prefix .. "/api/search?limit=10&q=" .. queries[(counter % #queries) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("kurdi-wrk: requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
                         "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
