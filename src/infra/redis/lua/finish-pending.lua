-- finish-pending: ends a run no process has taken up yet (PENDING: its fencing token is '0'),
-- in one step: a run claimed or ended meanwhile is left alone. The token becomes 'end' (no
-- later claim succeeds), the record is replaced (its expiry kept), its status index entry
-- moved, and it leaves its user's waiting runs; a cancel request goes with it.
-- KEYS[1] exec:<id>  KEYS[2] exec:<id>:steps  KEYS[3] execs:status:PENDING
-- KEYS[4] execs:status:<final>  KEYS[5] execs:waiting:<user>  KEYS[6] exec:<id>:cancel
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] createdAt (ms)
-- Reply: 1 ended, 0 not PENDING any more
if redis.call('HGET', KEYS[2], ':attempts') ~= '0' then
  return 0
end
redis.call('HSET', KEYS[2], ':attempts', 'end')
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL', 'XX')
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
redis.call('ZREM', KEYS[5], ARGV[2])
redis.call('DEL', KEYS[6])
return 1
