-- generators/events/figures.lua: the figures the sources give for an event, asked as numbers.

local S = require("generators.events.shared")
local ipairs, tostring = ipairs, tostring
local math, string = S.plain(math), S.plain(string)
local F = S.plain(require("lib.quiz.facts"))
local paren_date, tags = S.paren_date, S.tags

local NUMBER_WORDS = { [0] = "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty" }

local function number_text(v)
  if math.type(v) == "integer" or v == math.floor(v) then return string.format("%d", v) end
  return string.format("%g", v)
end

local function label_text(label)
  if label:match("^%u%l") then return label:sub(1, 1):lower() .. label:sub(2) end
  return label
end

-- Whether event e's title states the figure, in digits or in words ("splits into three").
local function gives_away(e, fig)
  local word = NUMBER_WORDS[fig.value]
  return (F.find_word(e.title, number_text(fig.value)) or (word and F.find_word(e.title, word))) and true or false
end

local function figures(ctx, e)
  for i, fig in ipairs(e.figures or {}) do
    local v = fig.value
    local shown = number_text(v)
    if not gives_away(e, fig) then
      local label = label_text(fig.label)
      local ask
      if fig.unit == "%" then
        ask = "What " .. label .. ", in per cent, do the sources give for"
      else
        ask = (fig.approx and "About how many " or "How many ") .. label .. " do the sources give for"
      end
      local value = (fig.approx and "about " or "") .. shown .. (fig.unit == "%" and "%" or "")
      ctx:number{
        template = "figure", facts = { e.id }, variant = tostring(i),
        prompt = ask .. " “" .. e.title .. "”" .. paren_date(e) .. "?",
        number = v, approx = fig.approx or false, unit = fig.unit ~= "%" and fig.unit or nil,
        explanation = "For “" .. e.title .. "”" .. paren_date(e) .. " the sources give " .. label ..
                      " as " .. value .. ".",
        sources = e.sources, tags = tags(e, "figures"),
      }
    end
  end
end

return { figures = figures, gives_away = gives_away }
