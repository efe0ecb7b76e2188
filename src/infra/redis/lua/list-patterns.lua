-- list-patterns: one page of patterns, newest updatedAt first (ties: id descending, bytewise),
-- strictly after a keyset cursor, with the total count, in one round trip.
-- KEYS[1] patterns:updated  KEYS[2] patterns:docs  KEYS[3] patterns:search
-- KEYS[4] idx:origin:SYSTEM  KEYS[5] idx:active:true  KEYS[6] idx:creator:<viewer>
--   (visibility: with ARGV[5] = '1', only active SYSTEM patterns and the viewer's own)
-- KEYS[7..] index SETs that must all contain the pattern (the filters; may be none)
-- ARGV[1] limit  ARGV[2] cursor score ('' for the first page)  ARGV[3] cursor id
-- ARGV[4] lower-cased search text ('' for none)  ARGV[5] '1' to apply visibility, '0' for all
-- Reply: { totalCount, countBefore, hasMore (0|1), json1, json2, ... }
local limit = tonumber(ARGV[1])
local hasCursor = ARGV[2] ~= ''
local cursorScore = tonumber(ARGV[2])
local cursorId = ARGV[3]
local search = ARGV[4]
local restricted = ARGV[5] == '1'
local FILTERS = 7

-- What a non-admin may see; a pattern they cannot see is not counted either.
local function visible(id)
  if not restricted then
    return true
  end
  if redis.call('SISMEMBER', KEYS[6], id) == 1 then
    return true
  end
  return redis.call('SISMEMBER', KEYS[4], id) == 1 and redis.call('SISMEMBER', KEYS[5], id) == 1
end

-- Lua's '<' on strings follows the locale; ZSET order is bytewise, so compare bytes.
local function bytesLess(a, b)
  local la, lb = #a, #b
  for i = 1, math.min(la, lb) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then
      return x < y
    end
  end
  return la < lb
end

local function afterCursor(score, id)
  if not hasCursor then
    return true
  end
  if score ~= cursorScore then
    return score < cursorScore
  end
  return bytesLess(id, cursorId)
end

local ids = {}
local total, before = 0, 0

if #KEYS == FILTERS - 1 and search == '' and not restricted then
  -- No filter: the ZSET is the answer; read only the page, in chunks past cursor ties.
  total = redis.call('ZCARD', KEYS[1])
  local max = '+inf'
  if hasCursor then
    max = ARGV[2]
    before = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[2], '+inf')
  end
  local offset, chunk = 0, limit + 8
  while #ids <= limit do
    local batch = redis.call('ZRANGE', KEYS[1], max, '-inf', 'BYSCORE', 'REV', 'LIMIT', offset, chunk, 'WITHSCORES')
    for i = 1, #batch, 2 do
      if afterCursor(tonumber(batch[i + 1]), batch[i]) then
        if #ids <= limit then
          ids[#ids + 1] = batch[i]
        end
      else
        before = before + 1
      end
    end
    if #batch < chunk * 2 then
      break
    end
    offset = offset + chunk
  end
else
  local entries
  if #KEYS >= FILTERS then
    local args = { 'ZINTER', #KEYS - FILTERS + 2, KEYS[1] }
    for i = FILTERS, #KEYS do
      args[#args + 1] = KEYS[i]
    end
    args[#args + 1] = 'WEIGHTS'
    args[#args + 1] = 1
    for _ = FILTERS, #KEYS do
      args[#args + 1] = 0
    end
    args[#args + 1] = 'WITHSCORES'
    entries = redis.call(unpack(args))
  else
    entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  end
  for i = #entries - 1, 1, -2 do
    local id = entries[i]
    local keep = visible(id)
    if keep and search ~= '' then
      local text = redis.call('HGET', KEYS[3], id)
      keep = text ~= false and string.find(text, search, 1, true) ~= nil
    end
    if keep then
      total = total + 1
      if afterCursor(tonumber(entries[i + 1]), id) then
        if #ids <= limit then
          ids[#ids + 1] = id
        end
      else
        before = before + 1
      end
    end
  end
end

local hasMore = 0
if #ids > limit then
  hasMore = 1
  ids[#ids] = nil
end
local reply = { total, before, hasMore }
if #ids > 0 then
  local docs = redis.call('HMGET', KEYS[2], unpack(ids))
  for i = 1, #docs do
    reply[#reply + 1] = docs[i]
  end
end
return reply
