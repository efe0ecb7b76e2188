-- publish-events: appends events to the event log, trims the log to its length and byte budget,
-- and publishes the events with their log ids, in one step, so that live delivery and the log
-- agree on ids and order. Each entry keeps the event's type and audience beside its JSON, so a
-- replay can pass over what its subscriber may not see without parsing it.
-- An event with a dedupe id is appended and published only if that id is not remembered in
-- KEYS[3] (then it is, until now + the window); remembered ids past their time are dropped
-- first. So two attempts at publishing one event (a step attempted again) publish it once.
-- One event is published as its JSON object; several (published in the same tick) as one
-- message {"id":<last id>,"batch":[...]}. Either way the message starts with {"id":"<id>",
-- where <id> is its last event's: a receiver learns how far it got without parsing it.
-- The log's size is the sum of its entries' field values, kept in KEYS[2]; the oldest entries
-- go (exactly, XTRIM MINID) until both limits hold, the newest always stays.
-- KEYS[1] events:log (STREAM)  KEYS[2] events:log:bytes (STRING)
-- KEYS[3] events:dedupe (ZSET dedupe id -> when it is forgotten, ms)
-- ARGV[1] most entries  ARGV[2] most bytes  ARGV[3] the pub/sub channel
-- ARGV[4] now (ms)  ARGV[5] how long a dedupe id is remembered (ms)
-- ARGV[6..n] the events, four values each: type, audience ('' for everyone), dedupe id ('' for
--   none), JSON object without id; in order
-- Reply: the ids (stream entry ids) of the events appended, in order (none for those passed
--   over as already published).
local maxLength = tonumber(ARGV[1])
local maxBytes = tonumber(ARGV[2])
local bytes = 0
-- A log that was deleted (or never written) starts from nothing, whatever a stale counter says.
if redis.call('EXISTS', KEYS[1]) == 1 then
  bytes = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
end

local now = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
local pruned = false
local ids = {}
local published = {}
for i = 6, #ARGV, 4 do
  local fresh = true
  if ARGV[i + 2] ~= '' then
    if not pruned then
      redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
      pruned = true
    end
    fresh = redis.call('ZADD', KEYS[3], 'NX', now + window, ARGV[i + 2]) == 1
  end
  if fresh then
    local id = redis.call('XADD', KEYS[1], '*',
      'type', ARGV[i], 'audience', ARGV[i + 1], 'event', ARGV[i + 3])
    bytes = bytes + #ARGV[i] + #ARGV[i + 1] + #ARGV[i + 3]
    ids[#ids + 1] = id
    published[#published + 1] = '{"id":"' .. id .. '",' .. string.sub(ARGV[i + 3], 2)
  end
end
if #ids == 0 then
  return ids
end

local length = redis.call('XLEN', KEYS[1])
local function over()
  return length > 1 and (length > maxLength or bytes > maxBytes)
end
-- Walk from the oldest entry, counting off what goes, to the first one that stays.
local from = '-'
local stays = nil
local batch = #ids + 1
while stays == nil and over() do
  local oldest = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', batch)
  if #oldest == 0 then break end
  for _, entry in ipairs(oldest) do
    if not over() then
      stays = entry[1]
      break
    end
    local fields = entry[2]
    for j = 2, #fields, 2 do bytes = bytes - #fields[j] end
    length = length - 1
    from = '(' .. entry[1]
  end
end
if stays == nil and from ~= '-' then
  stays = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 1)[1][1]
end
if stays ~= nil then redis.call('XTRIM', KEYS[1], 'MINID', stays) end
if bytes < 0 then bytes = 0 end
redis.call('SET', KEYS[2], bytes)

if #published == 1 then
  redis.call('PUBLISH', ARGV[3], published[1])
else
  redis.call('PUBLISH', ARGV[3],
    '{"id":"' .. ids[#ids] .. '","batch":[' .. table.concat(published, ',') .. ']}')
end
return ids
