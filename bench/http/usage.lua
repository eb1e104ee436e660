-- wrk request generator: GET /usage/KEY over 1,000 keys, so the server's ETS
-- counters see concurrent updates of shared and distinct keys.
request = function()
  return wrk.format("GET", "/usage/k" .. math.random(1000))
end
