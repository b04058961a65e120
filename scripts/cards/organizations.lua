-- cards/organizations.lua: the organizations deck — a card for every typed-answer question of generators/organizations.lua.
local C = require("lib.cards.build")

return {
  deck = "organizations",
  description = "Flashcards from the organizations questions",
  generate = function(ctx) C.from_questions(ctx, "organizations") end,
}
