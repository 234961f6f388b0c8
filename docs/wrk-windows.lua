-- random 30-day windows over 2012-2024 (like loadtest's window kind), a page of 50 each
math.randomseed(7)
request = function()
  local t = os.time{year=2012, month=1, day=1, hour=12} + math.random(0, 13*365) * 86400
  local from = os.date("!%Y-%m-%d", t)
  local to = os.date("!%Y-%m-%d", t + 30 * 86400)
  return wrk.format("GET", "/api/events?from=" .. from .. "&to=" .. to .. "&limit=50")
end
