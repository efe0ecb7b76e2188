-- record-schedule-fire: what one tick did, once: refused when the schedule is gone or this tick
-- (or a later one) is recorded already, so a tick handed out twice counts once.
-- KEYS[1] schedules:docs  KEYS[2] schedule:<id>:fires  KEYS[3] schedule:<id>:recent
-- ARGV[1] schedule id  ARGV[2] tick ms  ARGV[3] JSON of the fire  ARGV[4] 'fired' or 'skipped'
-- ARGV[5] execution id ('' when none)  ARGV[6] executions kept in the recent list
-- Reply: 1 recorded, 0 refused
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
local last = tonumber(redis.call('HGET', KEYS[2], 'lastTickMs'))
if last ~= nil and last >= tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[2], 'lastTickMs', ARGV[2], 'last', ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
if ARGV[5] ~= '' then
  redis.call('LPUSH', KEYS[3], ARGV[5])
  redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[6]) - 1)
end
return 1
