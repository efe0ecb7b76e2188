-- renew-lease: extends a running execution's lease, fenced as save-steps is: a process whose run
-- was taken over (or ended) does not bring its lease back.
-- KEYS[1] exec:<id>:steps  KEYS[2] execs:running (leases)
-- ARGV[1] the renewer's attempts  ARGV[2] lease expiry (ms)  ARGV[3] execution id
-- Reply: 1 renewed, 0 refused (fenced)
if (redis.call('HGET', KEYS[1], ':attempts') or '1') ~= ARGV[1] then
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
