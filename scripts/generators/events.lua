-- generators/events.lua: what happened, as the question families in generators/events/ ask it.
--
-- For each event in date order: which event fits a description made of its kind, parties, places
-- and date (which_event.lua); who and which parties took part (taking_part.lua); what merged or
-- split and into what (mergers_splits.lua); the figures the sources give (figures.lua); where
-- things happened (places.lua); its title with a name left blank (title_clozes.lua); and
-- true/false statements in which a false one changes one part of a real merger, split, founding
-- or ban (true_false.lua). What the families share is in shared.lua.
--
-- Every question is built from the structured fields; nothing is hard-coded. A date is shown or
-- asked only when a source gives it (F.askable); an inferred date never appears in a question.
-- Distractors are checked against the data: a party or person offered as wrong is not in the
-- event, is not named anywhere in its record, is not confusable with a right answer and, where
-- "taking part" is vague, was not active around the event's date at all. Pools of candidates are
-- fixed by the data; ctx.rng only draws from them, so another seed keeps the same question ids.

local ipairs = ipairs
local events, index = events, halqa.index

local function family(name)
  return require("generators.events." .. name)
end
local which_event = family("which_event").which_event
local taking_part = family("taking_part")
local who, parties_in = taking_part.who, taking_part.parties
local mergers_splits = family("mergers_splits")
local mergers, splits = mergers_splits.mergers, mergers_splits.splits
local figures = family("figures").figures
local places = family("places").places
local title_clozes = family("title_clozes").title_clozes
local statements = family("true_false").statements

return {
  name = "events",
  description = "What happened: events from a description, who and which parties took part, mergers and splits, figures, places, and true/false statements",
  lazy = function(ctx) -- the lazy form (docs/scripting.md): one event's questions at a time
    return index.events_by_date, function(id)
      local e = events[id]
      local c = ctx
      which_event(c, e)
      who(c, e)
      parties_in(c, e)
      mergers(c, e)
      splits(c, e)
      figures(c, e)
      places(c, e)
      title_clozes(c, e)
      statements(c, e)
    end
  end,
}
