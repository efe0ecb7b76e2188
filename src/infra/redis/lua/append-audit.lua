-- append-audit: appends audit entries to the capped audit log and to the actor's and action's
-- streams under the same id, so that filtered listings read one small stream.
-- KEYS[1] audit:log  then, per entry i (1-based): KEYS[2i] audit:actor:<actor>,
--   KEYS[2i+1] audit:action:<action>
-- ARGV[1] approximate maximum length of each stream  ARGV[1+i] entry i as JSON (without id)
-- Reply: the ids given to the entries, in order.
local ids = {}
for i = 2, #ARGV do
  local n = i - 1
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
  redis.call('XADD', KEYS[2 * n], 'MAXLEN', '~', ARGV[1], id, 'e', ARGV[i])
  redis.call('XADD', KEYS[2 * n + 1], 'MAXLEN', '~', ARGV[1], id, 'e', ARGV[i])
  ids[#ids + 1] = id
end
return ids
