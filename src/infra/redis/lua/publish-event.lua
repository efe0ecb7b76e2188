-- publish-event: appends an event to the capped event log and publishes it with its log id, in
-- one step, so that live delivery and the log agree on ids and order.
-- KEYS[1] events:log (STREAM)
-- ARGV[1] approximate maximum length of the log  ARGV[2] the event as a JSON object without id
-- ARGV[3] the pub/sub channel
-- Reply: the event's id (the stream entry id).
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[2])
redis.call('PUBLISH', ARGV[3], '{"id":"' .. id .. '",' .. string.sub(ARGV[2], 2))
return id
