-- delete-schedule: removes a schedule, its indexes and its tick history.
-- KEYS[1] schedules:docs  KEYS[2] schedules:all  KEYS[3] schedules:owner:<owner>
-- KEYS[4] schedules:pattern:<pattern>  KEYS[5] schedule:<id>:fires  KEYS[6] schedule:<id>:recent
-- ARGV[1] schedule id
-- Reply: 1 removed, 0 there was none
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5], KEYS[6])
return 1
