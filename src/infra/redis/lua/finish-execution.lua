-- finish-execution: records how an execution ended, in one step, fenced: only while the run's
-- fencing token (the steps hash's ':attempts' field; absent: 1) is still the finisher's, so a
-- process whose run was taken over records no end. Then the token becomes 'end' (no later claim
-- succeeds), and the record (its expiry kept; an expired record is not brought back), its
-- status index entry, and the release of its lease, its cancel request and, for a top-level
-- run, its user's run slot are written; a run that never started leaves its user's waiting runs.
-- Asked to (ARGV[6] '1'), the end is counted in its pattern's statistics with it (only while the
-- pattern exists, in the generation that ran): by the one finisher whose end lands, once.
-- KEYS[1] exec:<id>  KEYS[2] execs:running (leases)  KEYS[3] exec:<id>:cancel
-- KEYS[4] execs:status:<previous>  KEYS[5] execs:status:<final>  KEYS[6] exec:<id>:steps
-- KEYS[7] execs:waiting:<user>  KEYS[8] patterns:version  KEYS[9] pattern:<id>:stats
-- KEYS[10] patterns:generation  KEYS[11] (optional) execs:slots:<user>
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] createdAt (ms)  ARGV[4] finisher's attempts
-- ARGV[5] the id of this end ('' when none)  ARGV[6] '1' to count it, else ''
-- ARGV[7] pattern id  ARGV[8] 1 when it succeeded, else 0  ARGV[9] duration in ms
-- ARGV[10] the generation that ran, or '' when unknown (any will do)
-- An end recorded already under ARGV[5] (a retry of a write that landed, its reply lost: a
-- command timeout) is answered 3 (and not counted again), so that its writer still announces it;
-- the steps hash's ':end' field keeps the id of the end recorded.
-- Reply: 1 recorded, 0 refused (fenced), 2 the record expired (nothing to write), 3 recorded before
-- @include lib/count-execution.lua
if redis.call('EXISTS', KEYS[6]) == 1 then
  local token = redis.call('HGET', KEYS[6], ':attempts') or '1'
  if token ~= ARGV[4] then
    if token == 'end' and ARGV[5] ~= '' and redis.call('HGET', KEYS[6], ':end') == ARGV[5] then
      return 3
    end
    return 0
  end
  redis.call('HSET', KEYS[6], ':attempts', 'end', ':end', ARGV[5])
end
local reply = 1
if not redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL', 'XX') then
  reply = 2
end
if KEYS[4] ~= KEYS[5] then
  redis.call('ZREM', KEYS[4], ARGV[2])
  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[7], ARGV[2])
if KEYS[11] then
  redis.call('ZREM', KEYS[11], ARGV[2])
end
if ARGV[6] == '1' then
  countExecution(KEYS[8], KEYS[9], KEYS[10], ARGV[7], ARGV[8], ARGV[9], ARGV[10])
end
return reply
