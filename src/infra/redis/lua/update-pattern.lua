-- update-pattern: writes version n+1 if the pattern is still at version n (compare-and-set),
-- moving its index entries, atomically.
-- KEYS[1] patterns:docs  KEYS[2] pattern:<id>:versions  KEYS[3] patterns:updated
-- KEYS[4] patterns:search  KEYS[5] patterns:version  KEYS[6] patterns:generation (unchanged)
-- KEYS[7..6+n] index SETs of version n; KEYS[7+n..6+2n] index SETs of version n+1 (same order)
-- ARGV[1] id  ARGV[2] n (the version the caller read)  ARGV[3] JSON of n+1
-- ARGV[4] updatedAt ms  ARGV[5] search text
-- Reply: 'ok'; 'stale' when the current version is not n; 'missing' when there is no pattern.
local current = redis.call('HGET', KEYS[5], ARGV[1])
if not current then
  return 'missing'
end
if current ~= ARGV[2] then
  return 'stale'
end
local nextVersion = tostring(tonumber(current) + 1)
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], nextVersion, ARGV[3])
redis.call('HSET', KEYS[5], ARGV[1], nextVersion)
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
local n = (#KEYS - 6) / 2
for i = 1, n do
  local old, new = KEYS[6 + i], KEYS[6 + n + i]
  if old ~= new then
    redis.call('SREM', old, ARGV[1])
    redis.call('SADD', new, ARGV[1])
  end
end
return 'ok'
