-- delete-relationship: removes a relationship with its index entries and counts, atomically.
-- An entity left without relationships also loses its acyclic versions (back to 0: safe, as a
-- check that saw a version of it finds it moved, and one that saw 0 saw no edges then either).
-- KEYS[1] graph:rels  KEYS[2] graph:out:<from>  KEYS[3] graph:in:<to>  KEYS[4] graph:stats
-- KEYS[5] graph:entities  KEYS[6] graph:acyclic-versions:hierarchy
-- KEYS[7] graph:acyclic-versions:ownership
-- KEYS[8] graph:deleted:<id> (only when a pattern step deletes it: who did, and what it was)
-- ARGV[1] id  ARGV[2] "TYPE:to"  ARGV[3] "TYPE:from"  ARGV[4] TYPE  ARGV[5] from  ARGV[6] to
-- ARGV[7] JSON {"origin":...,"relationship":...} kept in KEYS[8]  ARGV[8] for how long (ms)
--   (ARGV[7] and ARGV[8] only with KEYS[8])
-- Reply: 1 when removed, 0 when there was no such relationship (nothing changed).
local doc = redis.call('HGET', KEYS[1], ARGV[1])
if not doc then
  return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
if #KEYS >= 8 then
  redis.call('SET', KEYS[8], ARGV[7], 'PX', ARGV[8])
end
redis.call('HDEL', KEYS[2], ARGV[2])
redis.call('HDEL', KEYS[3], ARGV[3])
redis.call('HINCRBY', KEYS[4], 'relationships', -1)
if redis.call('HINCRBY', KEYS[4], 'type:' .. ARGV[4], -1) <= 0 then
  redis.call('HDEL', KEYS[4], 'type:' .. ARGV[4])
end
for _, entity in ipairs({ ARGV[5], ARGV[6] }) do
  if redis.call('HINCRBY', KEYS[5], entity, -1) <= 0 then
    redis.call('HDEL', KEYS[5], entity)
    redis.call('HDEL', KEYS[6], entity)
    redis.call('HDEL', KEYS[7], entity)
  end
end
return 1
