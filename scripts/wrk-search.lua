-- Requests from a pool of paths (one per line, from SearchQueryPool), for scripts/bench-search.sh.
--   POOL=file   the pool
--   MODE=zipf   readers' queries repeat: the k-th most popular is asked in proportion to 1/k (Zipf, s = 1),
--               the popularity order shuffled per run by the pool's own order
--   MODE=unique every request a query not asked before in the run, while the pool lasts (then it starts over):
--               what the search costs when no result can be reused
--   POST=path   each pool line is a JSON body posted to that path (the suggest API's chat messages)
local pool = {}
local file = assert(io.open(os.getenv("POOL"), "r"), "POOL must name a readable file")
for line in file:lines() do
  if #line > 0 then pool[#pool + 1] = line end
end
file:close()
assert(#pool > 0, "the pool is empty")
local mode = os.getenv("MODE") or "zipf"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
  thread:set("of", tonumber(os.getenv("THREADS") or "2"))
end

local cumulative = {}
local next_index
function init(args)
  math.randomseed(1000 + (id or 1))
  if mode == "zipf" then
    local sum = 0
    for k = 1, #pool do
      sum = sum + 1 / k
      cumulative[k] = sum
    end
    for k = 1, #pool do cumulative[k] = cumulative[k] / sum end
  else
    -- threads take turns through the pool so that no two ask the same query
    next_index = id or 1
  end
end

local function zipf()
  local r = math.random()
  local lo, hi = 1, #pool
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return pool[lo]
end

request = function()
  local path
  if mode == "zipf" then
    path = zipf()
  else
    path = pool[(next_index - 1) % #pool + 1]
    next_index = next_index + (of or 2)
  end
  local post = os.getenv("POST")
  if post and #post > 0 then
    return wrk.format("POST", post, {["Content-Type"] = "application/json"}, path)
  end
  return wrk.format("GET", path)
end

