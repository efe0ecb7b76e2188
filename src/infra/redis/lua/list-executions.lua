-- list-executions: one page of execution ids, newest first (ties: id descending, bytewise),
-- strictly after a keyset cursor, with the total count.
-- KEYS[1] the ZSET to list (execs:all or execs:pattern:<id>), scored by createdAt ms
-- KEYS[2..] optional: ZSETs the execution must also be in (a status's, a creator's)
-- ARGV[1] limit  ARGV[2] cursor score ('' for the first page)  ARGV[3] cursor id
-- Reply: { totalCount, countBefore, hasMore (0|1), id1, id2, ... }
local limit = tonumber(ARGV[1])
local hasCursor = ARGV[2] ~= ''
local cursorScore = tonumber(ARGV[2])
local cursorId = ARGV[3]

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

local entries
if #KEYS > 1 then
  local args = { 'ZINTER', #KEYS }
  for i = 1, #KEYS do
    args[#args + 1] = KEYS[i]
  end
  args[#args + 1] = 'WEIGHTS'
  args[#args + 1] = 1
  for _ = 2, #KEYS do
    args[#args + 1] = 0
  end
  args[#args + 1] = 'WITHSCORES'
  entries = redis.call(unpack(args))
else
  entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
end
local ids, before = {}, 0
for i = #entries - 1, 1, -2 do
  local id, score = entries[i], tonumber(entries[i + 1])
  local after = not hasCursor or score < cursorScore or (score == cursorScore and bytesLess(id, cursorId))
  if after then
    if #ids <= limit then
      ids[#ids + 1] = id
    end
  else
    before = before + 1
  end
end
local hasMore = 0
if #ids > limit then
  hasMore = 1
  ids[#ids] = nil
end
local reply = { #entries / 2, before, hasMore }
for i = 1, #ids do
  reply[#reply + 1] = ids[i]
end
return reply
