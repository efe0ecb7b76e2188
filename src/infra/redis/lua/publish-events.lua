-- publish-events: appends events to the capped event log and publishes them with their log ids,
-- in one step, so that live delivery and the log agree on ids and order. One event is published
-- as a JSON object; several (published in the same tick) as one message, a JSON array, so that
-- a batch costs one script call and one message to every instance.
-- KEYS[1] events:log (STREAM)
-- ARGV[1] approximate maximum length of the log  ARGV[2] the pub/sub channel
-- ARGV[3..n] the events, each a JSON object without id, in order
-- Reply: the events' ids (stream entry ids), in order.
local ids = {}
local published = {}
for i = 3, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[i])
  ids[#ids + 1] = id
  published[#published + 1] = '{"id":"' .. id .. '",' .. string.sub(ARGV[i], 2)
end
if #published == 1 then
  redis.call('PUBLISH', ARGV[2], published[1])
else
  redis.call('PUBLISH', ARGV[2], '[' .. table.concat(published, ',') .. ']')
end
return ids
