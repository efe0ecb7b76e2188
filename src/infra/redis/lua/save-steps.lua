-- save-steps: records step results of a run, fenced: only while the run's fencing token (the
-- steps hash's ':attempts' field; absent: 1) is still the writer's, so that a process whose run
-- was taken over cannot overwrite what the new owner records. HSET keeps the hash's expiry.
-- KEYS[1] exec:<id>:steps
-- ARGV[1] the writer's attempts  ARGV[2..] step id, encoded result, step id, ...
-- Reply: 1 written, 0 refused (fenced)
if (redis.call('HGET', KEYS[1], ':attempts') or '1') ~= ARGV[1] then
  return 0
end
-- In chunks: unpack has a limit on how many values it spreads.
local chunk = 4000
for i = 2, #ARGV, chunk do
  redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + chunk - 1, #ARGV)))
end
return 1
