-- Single article writes for wrk, each a new item: PUT /api/v1/articles/{id}/en with a body
-- of about 3 KB, as an editor. For measuring the write path alone, for example straight
-- against ingest-service:
--
--   KEY=$(cat .chancery/editor.key) wrk -t2 -c16 -d20s --latency \
--       -s local/benchmarks/wrk/put-articles.lua http://127.0.0.1:8081
--
-- (through the gateway, port 8080, its write rate limit answers 429 beyond 120 a minute per
-- client unless CHANCERY_LIMITS_WRITES_PER_MINUTE is raised).

local paragraph = "<p>The embassy continues its work on cultural cooperation and consular matters. </p>"
local body_html = string.rep(paragraph, 35)
local counter = 0

init = function(args)
  -- Each wrk thread has its own Lua state: a prefix of its own keeps ids apart.
  prefix = string.gsub(tostring({}), "table: 0x", "") .. os.time()
end

request = function()
  counter = counter + 1
  local id = "wrk-" .. prefix .. "-" .. counter
  local body = '{"id":"' .. id .. '","locale":"en","kind":"speech","title":"Load ' .. id
    .. '","lead":"Lead","body":"' .. body_html
    .. '","publishedAt":"2026-11-30T08:00:00Z","timeZone":"Europe/London","people":[],"tags":["wrk-load"]}'
  return wrk.format("PUT", "/api/v1/articles/" .. id .. "/en",
    { ["Content-Type"] = "application/json", ["X-Api-Key"] = os.getenv("KEY") }, body)
end
