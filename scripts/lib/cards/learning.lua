-- lib/cards/learning.lua: cards on a learning step within a session. A card rated onto a step
-- (a new card's 1m and 10m, a lapsed card's 10m: halqa.store.configure's learning_steps and
-- relearning_steps) comes back when the step is due; once nothing else is left, the next step
-- due within LEARN_AHEAD comes at once, as in Anki. A step further off ends the session: the card
-- stays due today and the next `cards` shows it.

local L = {}

local LEARN_AHEAD = 20 * 60 -- seconds (Anki's default learn-ahead limit)

-- A new waiting list: cards with the time their step falls due.
function L.new() return { items = {} } end

function L.add(waiting, card, due_time)
  local items = waiting.items
  items[#items + 1] = { card = card, due = due_time }
  table.sort(items, function(a, b) return a.due < b.due end)
end

-- Takes card back out (after undo); returns whether it was waiting.
function L.remove(waiting, card)
  for i, item in ipairs(waiting.items) do
    if item.card == card then
      table.remove(waiting.items, i)
      return true
    end
  end
  return false
end

-- The next waiting card to show now, or nil: one whose step is due, or, when others_left is
-- false, the soonest one due within LEARN_AHEAD.
function L.take(waiting, now, others_left)
  local first = waiting.items[1]
  if not first then return nil end
  if first.due <= now or (not others_left and first.due <= now + LEARN_AHEAD) then
    table.remove(waiting.items, 1)
    return first.card
  end
  return nil
end

function L.count(waiting) return #waiting.items end

-- How a step reads: "in 10 minutes", "in 1 hour".
function L.step_text(minutes)
  if minutes < 60 then return "in " .. minutes .. (minutes == 1 and " minute" or " minutes") end
  local h = minutes // 60
  if minutes % 60 == 0 then return "in " .. h .. (h == 1 and " hour" or " hours") end
  return "in " .. minutes .. " minutes"
end

return L
