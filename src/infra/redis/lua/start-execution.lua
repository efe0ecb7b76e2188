-- start-execution: stores a new, running execution in one atomic step, once its checks pass:
-- its pattern is still at the version it runs, its idempotency key (if any) is not remembered
-- for another execution, and its user (for a top-level run) has a run slot free. Nothing is
-- written unless all pass. The record, its steps hash (a marker field, so that the hash carries
-- the record's expiry from the start), its listing index entries and its lease are written;
-- index entries older than the retention are trimmed. Run slots whose holder stopped renewing
-- them (a process that died) expire; a slots key disappears with its last member. The steps
-- hash's ':attempts' field, the run's fencing token, starts at ARGV[14].
-- A PENDING run (ARGV[15] set: queued or delayed) takes no lease and no slot (its claim does):
-- it joins its user's waiting runs (scored by its record's expiry; the key expires with the
-- furthest of them), at most ARGV[15] of them,
-- and is refused as 'limit' only when ARGV[16] is '1' and its user has no slot free now.
-- KEYS[1] exec:<id>  KEYS[2] exec:<id>:steps  KEYS[3] execs:running (leases)
-- KEYS[4] patterns:version  KEYS[5] patterns:generation
-- then, when ARGV[10] is set, execs:slots:<user>; then, when ARGV[12] is set,
-- execs:idem:<pattern>:<key>; then, when ARGV[15] is set, execs:waiting:<user>; then, when
-- ARGV[17] is set, schedules:docs; then ARGV[6] indexes the execution joins (all, pattern,
-- creator, status); then the indexes trimmed of entries scored before ARGV[5]
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] createdAt (ms)  ARGV[4] retention (s)
-- ARGV[5] trim bound (an exclusive score, e.g. "(1700000000000")  ARGV[6] how many indexes join
-- ARGV[7] lease (and slot) expiry (ms)  ARGV[8] pattern id  ARGV[9] pattern version
-- ARGV[10] slot limit, or ''  ARGV[11] now (ms)  ARGV[12] idempotency TTL (s), or ''
-- ARGV[13] pattern generation ('' for a pattern stored before generations existed)
-- ARGV[14] attempts (1, or 0 for a PENDING run)  ARGV[15] waiting limit, or '' (a RUNNING run)
-- ARGV[16] '1' when a PENDING run checks its user's slots
-- ARGV[17] the schedule whose tick starts it, or '': refused unless that schedule is stored
-- Reply: {'started'} | {'stale'} | {'duplicate', <remembered execution id>} | {'limit'}
-- | {'waiting'} (its user has ARGV[15] runs waiting) | {'unscheduled'} (ARGV[17] is gone)
local next_key = 6
local slots, idem, waiting, schedules
if ARGV[10] ~= '' then
  slots = KEYS[next_key]
  next_key = next_key + 1
end
if ARGV[12] ~= '' then
  idem = KEYS[next_key]
  next_key = next_key + 1
end
if ARGV[15] ~= '' then
  waiting = KEYS[next_key]
  next_key = next_key + 1
end
if ARGV[17] ~= '' then
  schedules = KEYS[next_key]
  next_key = next_key + 1
end

if redis.call('HGET', KEYS[4], ARGV[8]) ~= ARGV[9] then
  return { 'stale' }
end
-- The same version number of a pattern deleted and created again is another definition.
if (redis.call('HGET', KEYS[5], ARGV[8]) or '') ~= ARGV[13] then
  return { 'stale' }
end
-- A tick whose schedule was removed while it was being handled starts nothing.
if schedules and redis.call('HEXISTS', schedules, ARGV[17]) == 0 then
  return { 'unscheduled' }
end
if idem then
  local remembered = redis.call('GET', idem)
  if remembered then
    return { 'duplicate', remembered }
  end
end
if slots and (not waiting or ARGV[16] == '1') then
  redis.call('ZREMRANGEBYSCORE', slots, '-inf', '(' .. ARGV[11])
  if redis.call('ZCARD', slots) >= tonumber(ARGV[10]) then
    return { 'limit' }
  end
end
if waiting then
  -- Waiting runs whose record expired (never taken up) no longer count: each is scored by its
  -- record's expiry (a delayed run's is further off than the retention).
  redis.call('ZREMRANGEBYSCORE', waiting, '-inf', '(' .. ARGV[3])
  if redis.call('ZCARD', waiting) >= tonumber(ARGV[15]) then
    return { 'waiting' }
  end
  redis.call('ZADD', waiting, tonumber(ARGV[3]) + tonumber(ARGV[4]) * 1000, ARGV[2])
  -- The key goes with the furthest of its records: a user who never starts another run (whose
  -- start would trim it) leaves no key behind.
  local furthest = redis.call('ZRANGE', waiting, -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', waiting, furthest[2])
elseif slots then
  redis.call('ZADD', slots, ARGV[7], ARGV[2])
end
if idem then
  redis.call('SET', idem, ARGV[2], 'EX', ARGV[12])
end

redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[4])
redis.call('HSET', KEYS[2], ':created', '1', ':attempts', ARGV[14])
redis.call('EXPIRE', KEYS[2], ARGV[4])
if not waiting then
  redis.call('ZADD', KEYS[3], ARGV[7], ARGV[2])
end
local joined = tonumber(ARGV[6])
for i = next_key, next_key + joined - 1 do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[2])
end
for i = next_key + joined, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[5])
end
return { 'started' }
