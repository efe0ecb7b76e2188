-- create-relationship: stores a relationship once and indexes it at both ends with its
-- counters, atomically. For an acyclic relation's type (PARENT, CHILD, OWNER) it writes only
-- if no entity the caller's cycle check saw below the new arc has moved its version since, and
-- moves the version of the arc's upper end to a fresh number (so that later checks that saw
-- it know something was added below it).
-- KEYS[1] graph:rels  KEYS[2] graph:out:<from>  KEYS[3] graph:in:<to>  KEYS[4] graph:stats
-- KEYS[5] graph:entities  KEYS[6] graph:acyclic-versions:<relation>
-- KEYS[7] graph:acyclic-sequence (KEYS[6] and KEYS[7] only for PARENT, CHILD, OWNER)
-- ARGV[1] id  ARGV[2] JSON  ARGV[3] "TYPE:to"  ARGV[4] "TYPE:from"  ARGV[5] TYPE
-- ARGV[6] from  ARGV[7] to  ARGV[8] origin: "<execution id>/<step id>" of the step making it,
-- as the JSON's "origin" holds it ('' for none)  ARGV[9] the arc's upper end ('' without KEYS[6])
-- ARGV[10], ARGV[11], ... pairs of entity, version the check saw (none when unguarded)
-- Reply: 'ok'; {'made', JSON} when (from, type, to) exists and was made with the same origin
-- (the same step attempted again: what it made is recognised, not a conflict); 'duplicate' when
-- it exists otherwise; 'stale' when a version the check saw moved; 'id_taken' when the id is in
-- use. Nothing is written unless 'ok'.
local existing = redis.call('HGET', KEYS[2], ARGV[3])
if existing then
  if ARGV[8] ~= '' then
    local doc = redis.call('HGET', KEYS[1], existing)
    if doc and cjson.decode(doc).origin == ARGV[8] then
      return {'made', doc}
    end
  end
  return 'duplicate'
end
if #KEYS >= 7 then
  -- HMGET in chunks: one call per field would cost more, unpack of all could overflow the stack.
  local i = 10
  while i <= #ARGV do
    local fields, seen = {}, {}
    while i <= #ARGV and #fields < 500 do
      fields[#fields + 1] = ARGV[i]
      seen[#seen + 1] = ARGV[i + 1]
      i = i + 2
    end
    local now = redis.call('HMGET', KEYS[6], unpack(fields))
    for k = 1, #fields do
      if (now[k] or '0') ~= seen[k] then
        return 'stale'
      end
    end
  end
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
if #KEYS >= 7 then
  redis.call('HSET', KEYS[6], ARGV[9], redis.call('INCR', KEYS[7]))
end
return 'ok'
