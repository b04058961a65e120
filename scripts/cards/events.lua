-- cards/events.lua: the events deck — a card for every typed-answer question of generators/events.lua.
local C = require("lib.cards.build")

return {
  deck = "events",
  description = "Flashcards from the events questions",
  generate = function(ctx) C.from_questions(ctx, "events") end,
}
