-- create-relationship: stores a relationship once and indexes it at both ends with its
-- counters, atomically; for acyclic relations only if the relation did not change since the
-- caller checked it for cycles.
-- KEYS[1] graph:rels  KEYS[2] graph:out:<from>  KEYS[3] graph:in:<to>  KEYS[4] graph:stats
-- KEYS[5] graph:entities  KEYS[6] graph:acyclic:<relation> (only for PARENT, CHILD, OWNER)
-- ARGV[1] id  ARGV[2] JSON  ARGV[3] "TYPE:to"  ARGV[4] "TYPE:from"  ARGV[5] TYPE
-- ARGV[6] from  ARGV[7] to  ARGV[8] the relation's version the caller checked ('' without KEYS[6])
-- Reply: 'ok'; 'duplicate' when (from, type, to) exists; 'stale' when the relation's version
-- moved; 'id_taken' when the id is in use. Nothing is written unless 'ok'.
if redis.call('HEXISTS', KEYS[2], ARGV[3]) == 1 then
  return 'duplicate'
end
if #KEYS >= 6 and (redis.call('GET', KEYS[6]) or '0') ~= ARGV[8] then
  return 'stale'
end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return 'id_taken'
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[1])
redis.call('HINCRBY', KEYS[4], 'relationships', 1)
redis.call('HINCRBY', KEYS[4], 'type:' .. ARGV[5], 1)
redis.call('HINCRBY', KEYS[5], ARGV[6], 1)
redis.call('HINCRBY', KEYS[5], ARGV[7], 1)
if #KEYS >= 6 then
  redis.call('INCR', KEYS[6])
end
return 'ok'
