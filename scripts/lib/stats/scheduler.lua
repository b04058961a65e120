-- lib/stats/scheduler.lua: the scheduler's part of `stats` — which FSRS weights are in use
-- (the defaults, or fitted by `cards --optimize`: when, from how many reviews, how well), each
-- deck's desired retention, and the forecast workload at two retentions side by side.

local T = require("lib.text")

local S = {}

local FORECAST_DAYS = 30
local ROWS = 7

-- The figures: { weights = halqa.store.weights(), mode =, retention =, decks = {deck = r},
-- compare = R, forecast = { days =, mine = {...}, other = {...} } }.
function S.gather(st, compare, now)
  local p = halqa.store.parameters()
  local decks = {}
  for _, d in ipairs(st.decks) do decks[d.deck] = halqa.store.deck_retention(d.deck) end
  return {
    weights = halqa.store.weights(),
    short_term = p.short_term,
    learning_steps = p.learning_steps,
    relearning_steps = p.relearning_steps,
    retention = p.desired_retention,
    decks = decks,
    compare = compare,
    forecast = {
      days = FORECAST_DAYS,
      mine = halqa.store.forecast(FORECAST_DAYS, nil, now),
      other = halqa.store.forecast(FORECAST_DAYS, compare, now),
    },
  }
end

local function sum(list, n)
  local total = 0
  for i = 1, math.min(n, #list) do total = total + list[i] end
  return total
end

local function pct(r) return string.format("%d%%", math.floor(r * 100 + 0.5)) end

-- Appends the report's lines to out.
function S.render(sc, out, width)
  local w = sc.weights
  if w.fitted then
    out[#out + 1] = T.wrap(string.format("Scheduler: FSRS-6 with your own weights, fitted %s from %d reviews "
      .. "(log loss %.4f -> %.4f, RMSE %.2f%% -> %.2f%%).", os.date("%Y-%m-%d", w.time), w.reviews,
      w.before.log_loss, w.after.log_loss, w.before.rmse * 100, w.after.rmse * 100), width, "  ")
  else
    out[#out + 1] = T.wrap("Scheduler: FSRS-6 with the default weights (`cards --optimize` fits them "
      .. "to your reviews once there are enough).", width, "  ")
  end
  local steps = #sc.learning_steps > 0 and table.concat(sc.learning_steps, " ") or "none"
  local relearn = #sc.relearning_steps > 0 and table.concat(sc.relearning_steps, " ") or "none"
  out[#out + 1] = T.wrap(string.format("%s; learning steps %s, relearning %s.",
    sc.short_term and "Short-term mode" or "Long-term mode", steps, relearn), width, "  ")
  local own = {}
  for deck, r in pairs(sc.decks) do own[#own + 1] = deck .. " " .. pct(r) end
  table.sort(own)
  out[#out + 1] = T.wrap("Desired retention " .. pct(sc.retention)
    .. (#own > 0 and (" (decks of their own: " .. table.concat(own, ", ") .. ")") or "") .. ".", width, "  ")
  out[#out + 1] = ""
  local f = sc.forecast
  out[#out + 1] = T.wrap(string.format("Workload if every review is recalled: yours vs %s retention",
    pct(sc.compare)), width, "  ")
  out[#out + 1] = string.format("  %-12s %8s %8s", "", "yours", pct(sc.compare))
  for i = 1, math.min(ROWS, f.days) do
    local label = i == 1 and "today" or (i == 2 and "tomorrow" or ("day " .. i))
    out[#out + 1] = string.format("  %-12s %8d %8d", label, f.mine[i], f.other[i])
  end
  out[#out + 1] = string.format("  %-12s %8d %8d", "next " .. f.days .. " d", sum(f.mine, f.days), sum(f.other, f.days))
end

return S
