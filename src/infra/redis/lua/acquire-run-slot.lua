-- acquire-run-slot: takes one of a user's concurrent-execution slots, atomically across
-- instances. Slots whose holder stopped renewing them (a process that died) expire; the key
-- disappears with its last member.
-- KEYS[1] execs:slots:<user>  (ZSET execution id → slot expiry ms)
-- ARGV[1] execution id  ARGV[2] limit  ARGV[3] now (ms)  ARGV[4] slot expiry (ms)
-- Reply: 1 when the slot was taken, 0 when all `limit` slots are in use
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
return 1
