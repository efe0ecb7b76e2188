-- finish-execution: records how an execution ended, in one step: the record (its expiry kept;
-- an expired record is not brought back), its status index entry, and the release of its lease,
-- its cancel request and, for a top-level run, its user's run slot.
-- KEYS[1] exec:<id>  KEYS[2] execs:running (leases)  KEYS[3] exec:<id>:cancel
-- KEYS[4] execs:status:<previous>  KEYS[5] execs:status:<final>
-- KEYS[6] (optional) execs:slots:<user>
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] createdAt (ms)
-- Reply: 1
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL', 'XX')
if KEYS[4] ~= KEYS[5] then
  redis.call('ZREM', KEYS[4], ARGV[2])
  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[3])
if KEYS[6] then
  redis.call('ZREM', KEYS[6], ARGV[2])
end
return 1
