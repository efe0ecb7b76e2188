-- create-schedule: stores a new schedule and its indexes, unless its owner has the most allowed.
-- KEYS[1] schedules:docs  KEYS[2] schedules:all  KEYS[3] schedules:owner:<owner>
-- KEYS[4] schedules:pattern:<pattern>
-- ARGV[1] schedule id  ARGV[2] JSON of the schedule  ARGV[3] createdAt ms  ARGV[4] most per owner
-- Reply: 1 stored, 0 the owner has ARGV[4] schedules already (nothing written)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[4]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
return 1
