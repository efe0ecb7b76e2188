-- keyset-page: what the listing scripts share, put in their place by `-- @include`. A page is
-- newest first: score descending, ties by id descending (bytewise), strictly after a cursor.

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

-- The cursor from its ARGV: score ('' for the first page) and id.
local function cursorOf(scoreArg, id)
  return { set = scoreArg ~= '', scoreArg = scoreArg, score = tonumber(scoreArg), id = id }
end

local function afterCursor(cursor, score, id)
  if not cursor.set then
    return true
  end
  if score ~= cursor.score then
    return score < cursor.score
  end
  return bytesLess(id, cursor.id)
end

-- One page of a ZSET on its own: ZCARD counts, ZCOUNT counts what is newer than the cursor,
-- and only the page is read, from the cursor's score down, in chunks past the cursor's ties.
-- Returns total, countBefore and up to limit + 1 ids (one more tells that more follow).
local function zsetPage(key, cursor, limit)
  local ids, before = {}, 0
  local total = redis.call('ZCARD', key)
  local max = '+inf'
  if cursor.set then
    max = cursor.scoreArg
    before = redis.call('ZCOUNT', key, '(' .. cursor.scoreArg, '+inf')
  end
  local offset, chunk = 0, limit + 8
  while #ids <= limit do
    local batch = redis.call('ZRANGE', key, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', offset, chunk, 'WITHSCORES')
    for i = 1, #batch, 2 do
      if afterCursor(cursor, tonumber(batch[i + 1]), batch[i]) then
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
  return total, before, ids
end

-- One page of entries already read ({ id, score, ... } ascending, as ZRANGE WITHSCORES gives
-- them), counting only those `keep(id)` accepts (nil: all). Returns total, countBefore, ids.
local function entriesPage(entries, cursor, limit, keep)
  local ids, total, before = {}, 0, 0
  for i = #entries - 1, 1, -2 do
    local id = entries[i]
    if keep == nil or keep(id) then
      total = total + 1
      if afterCursor(cursor, tonumber(entries[i + 1]), id) then
        if #ids <= limit then
          ids[#ids + 1] = id
        end
      else
        before = before + 1
      end
    end
  end
  return total, before, ids
end

-- The ZINTER of `keys` (KEYS-style list) with the first one's scores, WITHSCORES.
local function intersection(keys)
  local args = { 'ZINTER', #keys }
  for i = 1, #keys do
    args[#args + 1] = keys[i]
  end
  args[#args + 1] = 'WEIGHTS'
  args[#args + 1] = 1
  for _ = 2, #keys do
    args[#args + 1] = 0
  end
  args[#args + 1] = 'WITHSCORES'
  return redis.call(unpack(args))
end

-- Drops the id read past the page; 1 when there was one (more follow), else 0.
local function pageEnd(ids, limit)
  if #ids > limit then
    ids[#ids] = nil
    return 1
  end
  return 0
end

-- A page of the ZSET keys[1], kept to the ids also in each of keys[2..] (if any), as the reply
-- of the scripts that list ids: { totalCount, countBefore, hasMore (0|1), id1, id2, ... }.
local function idsPage(keys, cursor, limit)
  local total, before, ids
  if #keys == 1 then
    total, before, ids = zsetPage(keys[1], cursor, limit)
  else
    total, before, ids = entriesPage(intersection(keys), cursor, limit, nil)
  end
  local reply = { total, before, pageEnd(ids, limit) }
  for i = 1, #ids do
    reply[#reply + 1] = ids[i]
  end
  return reply
end
