-- wrk script for Agora's load benchmark (docs/benchmarks.md, "Load benchmark").
-- Usage: wrk -t2 -c50 -d30s -s agora.lua BASE -- MODE FILE THREADS
--   MODE get:   FILE lists one path per line, requested round-robin.
--   MODE post:  FILE lists one line per signed-in session: cookie<TAB>csrf<TAB>body-suffix<TAB>path1 path2 ...
--               Sessions are split between threads; each session posts to each of its paths at most once, so a
--               one-per-person rule (a support) is never asked twice within a run.
-- At the end it prints one JSON line: requests, seconds, rps, p50/p95/p99 ms, errors (socket errors, HTTP >= 400,
-- and redirects to the login or error pages), and how many answers were successes.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local mode, items, sessions, cursor
ok, bad = 0, 0

local function split(s, sep)
  local out = {}
  for part in string.gmatch(s, "([^" .. sep .. "]+)") do table.insert(out, part) end
  return out
end

function init(args)
  mode = args[1]
  local threadCount = tonumber(args[3])
  items, sessions, cursor = {}, {}, 1
  local index = 0
  for line in io.lines(args[2]) do
    if mode == "get" then
      table.insert(items, line)
    else
      if index % threadCount == id - 1 then
        local fields = {}
        for field in string.gmatch(line .. "\t", "([^\t]*)\t") do table.insert(fields, field) end
        table.insert(sessions, { cookie = fields[1], csrf = fields[2], suffix = fields[3],
                                 paths = split(fields[4], " "), next = 1 })
      end
      index = index + 1
    end
  end
  cursor = math.random(1, math.max(1, #items))
end

function request()
  if mode == "get" then
    cursor = cursor % #items + 1
    return wrk.format("GET", items[cursor])
  end
  for _ = 1, #sessions do
    cursor = cursor % #sessions + 1
    local session = sessions[cursor]
    if session.next <= #session.paths then
      local path = session.paths[session.next]
      session.next = session.next + 1
      return wrk.format("POST", path, {
        ["Cookie"] = session.cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded"
      }, "_csrf=" .. session.csrf .. session.suffix)
    end
  end
  -- Every session has used every path: ask for nothing new, and count it as an error so the run is seen short.
  bad = bad + 1
  return wrk.format("GET", "/robots.txt")
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status >= 400 or string.find(location, "/login", 1, true) or string.find(location, "error", 1, true) then
    bad = bad + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local good, failed = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    failed = failed + thread:get("bad")
  end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.1f,"rps":%.1f,"p50":%.1f,"p95":%.1f,"p99":%.1f,"errors":%d,"successes":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, socket + failed, good))
end
