-- delete-pattern: removes a pattern that is still at version n: every version, its
-- statistics and all index entries, atomically.
-- KEYS[1] patterns:docs  KEYS[2] pattern:<id>:versions  KEYS[3] patterns:updated
-- KEYS[4] patterns:search  KEYS[5] patterns:version  KEYS[6] patterns:generation
-- KEYS[7] pattern:<id>:stats  KEYS[8..] index SETs of version n
-- ARGV[1] id  ARGV[2] n (the version the caller read)
-- Reply: 'ok'; 'stale' when the current version is not n; 'missing' when there is no pattern.
local current = redis.call('HGET', KEYS[5], ARGV[1])
if not current then
  return 'missing'
end
if current ~= ARGV[2] then
  return 'stale'
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
redis.call('DEL', KEYS[2], KEYS[7])
redis.call('ZREM', KEYS[3], ARGV[1])
for i = 8, #KEYS do
  redis.call('SREM', KEYS[i], ARGV[1])
end
return 'ok'
