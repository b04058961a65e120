-- drills/lightning.lua: a lightning round — ten seconds a question, no passing, and points for
-- speed and for streaks. Run it with `drill --rules lightning`. A variant returns only what it
-- changes from lib/drill/rules.lua's defaults; it may replace the turn and point functions too.
return {
  name = "lightning",
  description = "ten quick seconds a question, no passing, speed and streaks count",
  time = 10,
  pass = false,
  speed = true,
  speed_max = 10,
  streaks = true,
}
