-- record-schedule-fire: what one tick did, once: refused when the schedule is gone or this tick
-- (or a later one) is recorded already, so a tick handed out twice counts once. The ticks it
-- found missed (due since the previous one, never handled) count as skipped, only while the
-- latest tick recorded is still the one they were counted from (else another counted them).
-- KEYS[1] schedules:docs  KEYS[2] schedule:<id>:fires  KEYS[3] schedule:<id>:recent
-- ARGV[1] schedule id  ARGV[2] tick ms  ARGV[3] JSON of the fire  ARGV[4] 'fired' or 'skipped'
-- ARGV[5] execution id ('' when none)  ARGV[6] executions kept in the recent list
-- ARGV[7] ticks missed before it  ARGV[8] the latest tick they were counted from: its ms,
-- 'none' (no tick recorded then) or 'any' (counted whatever is recorded)
-- Reply: 1 recorded, 0 refused
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
local recorded = redis.call('HGET', KEYS[2], 'lastTickMs')
local last = tonumber(recorded)
if last ~= nil and last >= tonumber(ARGV[2]) then
  return 0
end
local fire = ARGV[3]
local missed = tonumber(ARGV[7])
if missed > 0 and ARGV[8] ~= 'any' and ARGV[8] ~= (recorded or 'none') then
  missed = 0
  local decoded = cjson.decode(fire)
  decoded['missed'] = 0
  fire = cjson.encode(decoded)
end
redis.call('HSET', KEYS[2], 'lastTickMs', ARGV[2], 'last', fire)
redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
if missed > 0 then
  redis.call('HINCRBY', KEYS[2], 'skipped', missed)
  redis.call('HINCRBY', KEYS[2], 'missed', missed)
end
if ARGV[5] ~= '' then
  redis.call('LPUSH', KEYS[3], ARGV[5])
  redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[6]) - 1)
end
return 1
