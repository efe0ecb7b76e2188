-- claim-execution: a process takes a run up, the first time (a PENDING run) or over from a
-- process that stopped renewing its lease, in one atomic step; of concurrent claimers exactly
-- one wins. The steps hash's ':attempts' field is the run's fencing token (absent: a record
-- from before durable runs, taken as 1; 'end' once it ended): the claim is written only while it
-- is still the number the claimer read, and no live lease is held. Then the token moves on, the
-- record is replaced (its expiry kept), the lease taken, the status index entry moved, the
-- run taken off its user's waiting runs and, for a top-level run, a run slot held. A claimer
-- that runs a version of the pattern it kept (not read again) names its generation: the claim
-- is refused ('changed') unless the pattern is still in it (not deleted, nor created anew), and,
-- naming the version it checked as the current one (not read again), 'moved' unless the pattern
-- is still at that version.
-- KEYS[1] exec:<id>  KEYS[2] exec:<id>:steps  KEYS[3] execs:running (leases)
-- KEYS[4] execs:status:<previous>  KEYS[5] execs:status:RUNNING  KEYS[6] execs:waiting:<user>
-- KEYS[7] patterns:generation  KEYS[8] patterns:version  KEYS[9] (optional) execs:slots:<user>
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] expected attempts  ARGV[4] new attempts
-- ARGV[5] lease (and slot) expiry (ms)  ARGV[6] now (ms)  ARGV[7] createdAt (ms)
-- ARGV[8] slot limit, checked only when ARGV[9] is '1' (a PENDING run takes a free slot; a
-- takeover keeps the one it held)  ARGV[10] pattern id  ARGV[11] the pattern generation the
-- claimer ran ('' when it read the version: not checked)  ARGV[12] the current version the
-- claimer checked ('' when it read the current pattern: not checked; only with ARGV[11])
-- Reply: 'claimed' | 'live' | 'lost' | 'limit' | 'gone' | 'changed' | 'moved'
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'gone'
end
local current = redis.call('HGET', KEYS[2], ':attempts') or '1'
if current ~= ARGV[3] then
  return 'lost'
end
local until_ms = redis.call('ZSCORE', KEYS[3], ARGV[2])
if until_ms and tonumber(until_ms) >= tonumber(ARGV[6]) then
  return 'live'
end
if ARGV[11] ~= '' then
  if redis.call('HGET', KEYS[7], ARGV[10]) ~= ARGV[11] then
    return 'changed'
  end
  if ARGV[12] ~= '' and redis.call('HGET', KEYS[8], ARGV[10]) ~= ARGV[12] then
    return 'moved'
  end
end
if KEYS[9] then
  if ARGV[9] == '1' and not redis.call('ZSCORE', KEYS[9], ARGV[2]) then
    redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', '(' .. ARGV[6])
    if redis.call('ZCARD', KEYS[9]) >= tonumber(ARGV[8]) then
      return 'limit'
    end
  end
  redis.call('ZADD', KEYS[9], ARGV[5], ARGV[2])
end
redis.call('HSET', KEYS[2], ':attempts', ARGV[4])
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL', 'XX')
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[2])
if KEYS[4] ~= KEYS[5] then
  redis.call('ZREM', KEYS[4], ARGV[2])
  redis.call('ZADD', KEYS[5], ARGV[7], ARGV[2])
end
redis.call('ZREM', KEYS[6], ARGV[2])
return 'claimed'
