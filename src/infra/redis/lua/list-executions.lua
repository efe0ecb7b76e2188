-- list-executions: one page of execution ids, newest first (ties: id descending, bytewise),
-- strictly after a keyset cursor, with the total count. Without a filter only the page is read.
-- KEYS[1] the ZSET to list (execs:all or execs:pattern:<id>), scored by createdAt ms
-- KEYS[2..] optional: ZSETs the execution must also be in (a status's, a creator's)
-- ARGV[1] limit  ARGV[2] cursor score ('' for the first page)  ARGV[3] cursor id
-- Reply: { totalCount, countBefore, hasMore (0|1), id1, id2, ... }
-- @include lib/keyset-page.lua

return idsPage(KEYS, cursorOf(ARGV[2], ARGV[3]), tonumber(ARGV[1]))
