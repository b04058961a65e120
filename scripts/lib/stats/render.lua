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

-- The deck table; on a narrow screen (a 40-column projector) with short headings.
local function decks(st, out, width)
  local wide = width >= 56
  -- narrow: 14 columns keep "organizations" whole, and the row is 37 wide
  local head = wide and "%-16s %7s %9s %10s %7s" or "%-14s %4s %5s %4s %6s"
  local row = wide and "%-16s %7d %9d %10d %7d" or "%-14s %4d %5d %4d %6d"
  out[#out + 1] = T.color("bold", wide and string.format(head, "Deck", "new", "learning", "due today", "mature")
    or string.format(head, "Deck", "new", "learn", "due", "mature"))
  local total = { new = 0, learning = 0, due = 0, mature = 0 }
  for _, d in ipairs(st.decks) do
    out[#out + 1] = string.format(row, T.cut(d.deck, wide and 16 or 14), d.new, d.learning, d.due, d.mature)
    for k in pairs(total) do total[k] = total[k] + d[k] end
  end
  if #st.decks == 0 then out[#out + 1] = T.wrap("  (no cards yet: run `cards` to start)", width, "  ") end
  out[#out + 1] = string.format(row, "all", total.new, total.learning, total.due, total.mature)
end

local function retention(st, out)
  local r = st.retention
  if r.reviews == 0 then
    out[#out + 1] = T.wrap(string.format("True retention (last %d days): no reviews of cards seen on an earlier day yet.", st.days), halqa.columns(), "  ")
  else
    out[#out + 1] = T.wrap(string.format("True retention (last %d days): %d%% (%d of %d reviews recalled)",
      st.days, math.floor(100 * r.rate + 0.5), r.passed, r.reviews), halqa.columns(), "  ")
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
  out[#out + 1] = T.wrap(string.format("Reviews, last %d weeks (%s = none, %s = most: %d a day):", weeks, "·", "█", max), width, "  ")
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

local RATING = { "Again", "Hard", "Good", "Easy" }

-- A fact's last review from the store's history: its rating and the day it is due again.
local function last_review(fact)
  local last
  for _, h in ipairs(halqa.store.history(fact)) do
    if h.kind == "review" then last = h end
  end
  return last
end

local function due_text(day, today)
  if day <= today then return "due today" end
  if day == today + 1 then return "due tomorrow" end
  return "due in " .. (day - today) .. " days"
end

-- The weakest facts. Recall alone says 100% for a card reviewed today, even one just rated Again
-- (no time has passed), so the last rating and the due day are shown with it, and among equal
-- recall a fact last rated lower comes first: what the session said ("Again") and what the store
-- holds (due tomorrow) agree with this list.
local function weakest(st, out, width)
  if #st.weakest == 0 then return end
  local list = {}
  for i, w in ipairs(st.weakest) do
    local last = last_review(w.fact)
    list[i] = { w = w, last = last, order = i }
  end
  table.sort(list, function(a, b)
    local ra, rb = a.w.retrievability, b.w.retrievability
    if math.abs(ra - rb) > 1e-9 then return ra < rb end
    local la, lb = a.last and a.last.rating or 5, b.last and b.last.rating or 5
    if la ~= lb then return la < lb end
    return a.order < b.order
  end)
  out[#out + 1] = T.wrap("Weakest facts (lowest chance of recall now):", width, "  ")
  for i, e in ipairs(list) do
    local w, last = e.w, e.last
    local line = string.format("%2d. %s — recall %d%%, %d lapse%s", i, F.name(w.fact),
      math.floor(100 * w.retrievability + 0.5), w.lapses, w.lapses == 1 and "" or "s")
    if last then
      line = line .. string.format(", last rated %s, %s", RATING[last.rating] or "?",
        due_text(last.day + (last.interval or 0), st.today or halqa.store.today()))
    end
    out[#out + 1] = T.wrap("  " .. line, width, "      ")
  end
end

-- The whole report as one string.
function R.text(st)
  local width = math.min(halqa.columns(), 100)
  local out = {}
  decks(st, out, width)
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
