-- lib/cards/optimize.lua: `cards --optimize` — fits the FSRS weights to the review history in the
-- store (halqa.store.optimize, as Anki's "Optimize FSRS parameters") and says what changed.

local T = require("lib.text")

local O = {}

-- A line wrapped to the screen, its continuation indented (a 40-column projector).
local function say(text, indent)
  print(T.wrap(text, halqa.columns(), indent or "  "))
end

local function fmt_metrics(m)
  return string.format("log loss %.4f, RMSE (bins) %.2f%%", m.log_loss, m.rmse * 100)
end

-- Runs the optimizer and prints the outcome; save = false only measures.
function O.run(save)
  local r = halqa.store.optimize{ save = save }
  if not r.fitted then
    say(string.format("Not enough reviews to fit your own weights: %d of the %d needed "
      .. "(reviews at least a day after an earlier one of the same card). Keeping the weights in use.",
      r.reviews, r.min_reviews))
    return r
  end
  say(string.format("Fitted the 21 FSRS weights to %d reviews.", r.reviews))
  local width = halqa.columns() -- T.hang keeps the labels' padding, which T.wrap would close up
  print(T.hang("  before: ", fmt_metrics(r.before), width))
  print(T.hang("  after:  ", fmt_metrics(r.after), width))
  local w = {}
  for i, x in ipairs(r.w) do w[i] = string.format("%.4f", x) end
  print(T.hang("  weights: ", table.concat(w, " "), width))
  if r.after.log_loss >= r.before.log_loss then
    say("The weights in use already fit best; nothing changed.")
  elseif r.saved then
    say("Saved: reviews are scheduled with these weights from now on (see `stats`).")
  end
  return r
end

-- Parses a steps option ("1m 10m", "1m,10m", "" for none) into a list for configure.
function O.steps(text)
  local list = {}
  for step in text:gmatch("[^%s,]+") do list[#list + 1] = step end
  return list
end

return O
