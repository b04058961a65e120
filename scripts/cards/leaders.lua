-- cards/leaders.lua: the leaders deck — a card for every typed-answer question of generators/leaders.lua.
local C = require("lib.cards.build")

return {
  deck = "leaders",
  description = "Flashcards from the leaders questions",
  generate = function(ctx) C.from_questions(ctx, "leaders") end,
}
