-- cards/dates.lua: the dates deck — a card for every typed-answer question of generators/dates.lua.
local C = require("lib.cards.build")

return {
  deck = "dates",
  description = "Flashcards from the dates questions",
  generate = function(ctx) C.from_questions(ctx, "dates") end,
}
