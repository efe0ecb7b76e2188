-- list-schedules: one page of schedule ids, newest first (ties: id descending, bytewise),
-- strictly after a keyset cursor, with the total count. Without a filter only the page is read.
-- KEYS[1] the ZSET to list (schedules:all, :owner:<id> or :pattern:<id>), scored by createdAt ms
-- KEYS[2..] optional: ZSETs the schedule must also be in (an owner's)
-- ARGV[1] limit  ARGV[2] cursor score ('' for the first page)  ARGV[3] cursor id
-- Reply: { totalCount, countBefore, hasMore (0|1), id1, id2, ... }
-- @include lib/keyset-page.lua

local limit = tonumber(ARGV[1])
local cursor = cursorOf(ARGV[2], ARGV[3])
local total, before, ids
if #KEYS == 1 then
  total, before, ids = zsetPage(KEYS[1], cursor, limit)
else
  total, before, ids = entriesPage(intersection(KEYS), cursor, limit, nil)
end
local reply = { total, before, pageEnd(ids, limit) }
for i = 1, #ids do
  reply[#reply + 1] = ids[i]
end
return reply
