-- list-patterns: one page of patterns, newest updatedAt first (ties: id descending, bytewise),
-- strictly after a keyset cursor, with the total count, in one round trip.
-- KEYS[1] patterns:updated  KEYS[2] patterns:docs  KEYS[3] patterns:search
-- KEYS[4] idx:origin:SYSTEM  KEYS[5] idx:active:true  KEYS[6] idx:creator:<viewer>
--   (visibility: with ARGV[5] = '1', only active SYSTEM patterns and the viewer's own)
-- KEYS[7..] index SETs that must all contain the pattern (the filters; may be none)
-- ARGV[1] limit  ARGV[2] cursor score ('' for the first page)  ARGV[3] cursor id
-- ARGV[4] lower-cased search text ('' for none)  ARGV[5] '1' to apply visibility, '0' for all
-- Reply: { totalCount, countBefore, hasMore (0|1), json1, json2, ... }
-- @include lib/keyset-page.lua

local limit = tonumber(ARGV[1])
local cursor = cursorOf(ARGV[2], ARGV[3])
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

local function kept(id)
  if not visible(id) then
    return false
  end
  if search == '' then
    return true
  end
  local text = redis.call('HGET', KEYS[3], id)
  return text ~= false and string.find(text, search, 1, true) ~= nil
end

local total, before, ids
if #KEYS == FILTERS - 1 and search == '' and not restricted then
  -- No filter: the ZSET is the answer.
  total, before, ids = zsetPage(KEYS[1], cursor, limit)
else
  local entries
  if #KEYS >= FILTERS then
    local sets = { KEYS[1] }
    for i = FILTERS, #KEYS do
      sets[#sets + 1] = KEYS[i]
    end
    entries = intersection(sets)
  else
    entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  end
  total, before, ids = entriesPage(entries, cursor, limit, kept)
end

local reply = { total, before, pageEnd(ids, limit) }
if #ids > 0 then
  local docs = redis.call('HMGET', KEYS[2], unpack(ids))
  for i = 1, #docs do
    reply[#reply + 1] = docs[i]
  end
end
return reply
