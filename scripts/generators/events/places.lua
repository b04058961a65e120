-- generators/events/places.lua: where something was founded or happened; a title with its place blank.

local S = require("generators.events.shared")
local ipairs, table = ipairs, S.plain(table)
local F = S.plain(require("lib.quiz.facts"))
local table_of = halqa.index.table_of
local paren_date, date_phrase = S.paren_date, S.date_phrase
local tags, inside_a_name = S.tags, S.inside_a_name

local function places(ctx, e)
  local list = e.places or {}
  -- Where something was founded: asked straight, whatever the title says.
  if #list == 1 and e.kind == "founding" and e.formed then
    local p = list[1]
    local what = table_of[e.formed] == "parties" and "founded" or "set up"
    ctx:short{
      template = "where_founded", facts = { e.id },
      prompt = "Where was the " .. F.name(e.formed) .. " " .. what .. date_phrase(e) .. "?",
      answer = p, accepted = F.place_forms(p),
      explanation = "The " .. F.name(e.formed) .. " was " .. what .. " in " .. p .. date_phrase(e) .. ".",
      sources = e.sources, tags = tags(e, "places"),
    }
    return
  end
  -- A place the title names: blank it (unless it is part of a name, as in "Communist Party of
  -- East Pakistan").
  for _, p in ipairs(list) do
    local best
    local forms = F.place_forms(p)
    table.insert(forms, 1, p)
    for _, form in ipairs(forms) do
      local a, b = F.find_word(e.title, form)
      if a and (not best or b - a > best[2] - best[1]) then best = { a, b } end
    end
    if best then
      if not inside_a_name(e, best[1], best[2]) then
        local blanked = F.blank(e.title, best[1], best[2])
        ctx:cloze{
          template = "place_cloze", facts = { e.id },
          prompt = "Fill in the place: “" .. blanked .. "”" .. paren_date(e) .. ".",
          answer = p, accepted = F.place_forms(p),
          explanation = "“" .. e.title .. "”" .. paren_date(e) .. " took place in " .. p .. ".",
          sources = e.sources, tags = tags(e, "places"),
        }
      end
      return
    end
  end
  -- Otherwise, with one place: where did it happen?
  if #list ~= 1 then return end
  local p = list[1]
  ctx:short{
    template = "where", facts = { e.id },
    prompt = "Where did the event “" .. e.title .. "”" .. paren_date(e) .. " take place?",
    answer = p, accepted = F.place_forms(p),
    explanation = "“" .. e.title .. "”" .. paren_date(e) .. " took place in " .. p .. ".",
    sources = e.sources, tags = tags(e, "places"),
  }
end

return { places = places }
