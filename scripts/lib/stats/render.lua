-- lib/stats/render.lua: study statistics as text for an 80-column terminal — deck counts, true
-- retention, a calendar heatmap of reviews, a forecast of due cards as bars, the weakest facts.
-- Shading uses characters, so it reads without colour; colour is added only where halqa.color().

local T = require("lib.text")
local F = require("lib.quiz.facts")

local R = {}

local SHADES = { " ", "·", "░", "▒", "▓", "█" }
local DAY = 86400

-- The unix time of a store day (its noon), from today's number; good for weekday names.
local function time_of(day, today)
  return os.time() - (today - day) * DAY
end

local function decks(st, out)
  out[#out + 1] = T.color("bold", string.format("%-16s %7s %9s %10s %7s", "Deck", "new", "learning", "due today", "mature"))
  local total = { new = 0, learning = 0, due = 0, mature = 0 }
  for _, d in ipairs(st.decks) do
    out[#out + 1] = string.format("%-16s %7d %9d %10d %7d", d.deck, d.new, d.learning, d.due, d.mature)
    for k in pairs(total) do total[k] = total[k] + d[k] end
  end
  if #st.decks == 0 then out[#out + 1] = "  (no cards yet: run `cards` to start)" end
  out[#out + 1] = string.format("%-16s %7d %9d %10d %7d", "all", total.new, total.learning, total.due, total.mature)
end

local function retention(st, out)
  local r = st.retention
  if r.reviews == 0 then
    out[#out + 1] = string.format("True retention (last %d days): no reviews of cards seen on an earlier day yet.", st.days)
  else
    out[#out + 1] = string.format("True retention (last %d days): %d%% (%d of %d reviews recalled)",
      st.days, math.floor(100 * r.rate + 0.5), r.passed, r.reviews)
  end
end

-- Reviews per day as a calendar: one row per weekday, one column per week, newest on the right.
local function heatmap(st, out, width)
  local counts, max = {}, 0
  for _, h in ipairs(st.heatmap) do
    counts[h.day] = h.reviews
    if h.reviews > max then max = h.reviews end
  end
  local weeks = math.min(math.max(1, (width - 6) // 2), math.ceil(st.days / 7) + 1)
  local today = st.today
  local wday_today = tonumber(os.date("%w", time_of(today, today))) -- 0 = Sunday
  local first = today - wday_today - (weeks - 1) * 7                 -- a Sunday
  out[#out + 1] = string.format("Reviews, last %d weeks (%s = none, %s = most: %d a day):", weeks, "·", "█", max)
  local names = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }
  for w = 0, 6 do
    local row = { names[w + 1], "  " }
    for k = 0, weeks - 1 do
      local day = first + k * 7 + w
      local cell = " "
      if day <= today then
        local n = counts[day] or 0
        local level = n == 0 and 2 or (3 + math.min(3, math.floor(3 * (n - 1) / math.max(1, max - 1) + 0.5)))
        cell = SHADES[level]
        if n > 0 then cell = T.color("green", cell) end
      end
      row[#row + 1] = cell .. " "
    end
    out[#out + 1] = table.concat(row)
  end
end

-- Cards due on each of the next days, as horizontal bars.
local FORECAST_DAYS = 14

local function forecast(st, out, width)
  local days = {}
  for i = 1, math.min(FORECAST_DAYS, #st.forecast) do days[i] = st.forecast[i] end
  local max = 0
  for _, f in ipairs(days) do
    if f.due > max then max = f.due end
  end
  out[#out + 1] = string.format("Due in the next %d days:", #days)
  local bar_width = math.max(10, width - 24)
  for i, f in ipairs(days) do
    local label = i == 1 and "today" or (i == 2 and "tomorrow" or os.date("%a %d %b", time_of(f.day, st.today)))
    local n = max > 0 and math.floor(f.due * bar_width / max + 0.5) or 0
    if f.due > 0 and n == 0 then n = 1 end
    out[#out + 1] = string.format("  %-12s %s %d", label, T.color("cyan", string.rep("█", n)), f.due)
  end
end

local function weakest(st, out, width)
  if #st.weakest == 0 then return end
  out[#out + 1] = "Weakest facts (lowest chance of recall now):"
  for i, w in ipairs(st.weakest) do
    local line = string.format("%2d. %s — recall %d%%, %d lapse%s", i, F.name(w.fact),
      math.floor(100 * w.retrievability + 0.5), w.lapses, w.lapses == 1 and "" or "s")
    out[#out + 1] = "  " .. T.wrap(line, width - 2, "      ")
  end
end

-- The whole report as one string.
function R.text(st)
  local width = math.min(halqa.columns(), 100)
  local out = {}
  decks(st, out)
  out[#out + 1] = ""
  retention(st, out)
  out[#out + 1] = ""
  heatmap(st, out, width)
  out[#out + 1] = ""
  forecast(st, out, width)
  if st.scheduler then
    out[#out + 1] = ""
    require("lib.stats.scheduler").render(st.scheduler, out, width)
  end
  if #st.weakest > 0 then out[#out + 1] = "" end
  weakest(st, out, width)
  return table.concat(out, "\n")
end

return R
