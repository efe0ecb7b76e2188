-- create-pattern: stores version 1 of a new pattern with all its index entries, atomically.
-- KEYS[1] patterns:docs      HASH id -> current JSON
-- KEYS[2] pattern:<id>:versions  HASH version -> JSON
-- KEYS[3] patterns:updated   ZSET id by updatedAt ms
-- KEYS[4] patterns:search    HASH id -> search text
-- KEYS[5] patterns:version   HASH id -> current version
-- KEYS[6] patterns:generation  HASH id -> generation (which life of the id)
-- KEYS[7..] index SETs the pattern belongs to (origin, category, active, creator)
-- ARGV[1] id  ARGV[2] JSON  ARGV[3] updatedAt ms  ARGV[4] search text  ARGV[5] generation
-- Reply: 1 when created, 0 when the id is taken (nothing written).
if redis.call('HEXISTS', KEYS[5], ARGV[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], '1', ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[4])
redis.call('HSET', KEYS[5], ARGV[1], '1')
redis.call('HSET', KEYS[6], ARGV[1], ARGV[5])
for i = 7, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
end
return 1
