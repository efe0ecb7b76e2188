-- save-steps: records step results of one or more runs, each fenced: a run's results are written
-- only while its fencing token (its steps hash's ':attempts' field; absent: 1) is still the
-- writer's, so that a process whose run was taken over cannot overwrite what the new owner
-- records. The saves of several runs made in one tick share the call. HSET keeps the hash's expiry.
-- KEYS[k] exec:<id>:steps of the k-th run
-- ARGV, for each run in KEYS order: the writer's attempts, the number n of values that follow,
-- then n values: step id, encoded result, step id, ...
-- Reply: one integer per run, in KEYS order: 1 written, 0 refused (fenced)
local replies = {}
local at = 1
-- In chunks: unpack has a limit on how many values it spreads.
local chunk = 4000
for k = 1, #KEYS do
  local attempts = ARGV[at]
  local first = at + 2
  local last = first + tonumber(ARGV[at + 1]) - 1
  at = last + 1
  if (redis.call('HGET', KEYS[k], ':attempts') or '1') == attempts then
    for i = first, last, chunk do
      redis.call('HSET', KEYS[k], unpack(ARGV, i, math.min(i + chunk - 1, last)))
    end
    replies[k] = 1
  else
    replies[k] = 0
  end
end
return replies
