-- create-execution: stores a new, running execution in one step: its record, its steps hash
-- (a marker field, so that the hash carries the record's expiry from the start), its listing
-- index entries and its lease; and trims index entries older than the retention.
-- KEYS[1] exec:<id>  KEYS[2] exec:<id>:steps  KEYS[3] execs:running (leases)
-- KEYS[4..KEYS[4 + ARGV[6] - 1]] indexes the execution joins (all, pattern, creator, status)
-- KEYS[rest] indexes trimmed of entries scored before ARGV[5]
-- ARGV[1] record JSON  ARGV[2] execution id  ARGV[3] createdAt (ms)  ARGV[4] retention (s)
-- ARGV[5] trim bound (an exclusive score, e.g. "(1700000000000")  ARGV[6] how many indexes join
-- ARGV[7] lease expiry (ms)
-- Reply: 1
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[4])
redis.call('HSET', KEYS[2], ':created', '1')
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[7], ARGV[2])
local joined = tonumber(ARGV[6])
for i = 4, 3 + joined do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[2])
end
for i = 4 + joined, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[5])
end
return 1
