-- lib/quiz/keys.lua: one lazy generator made of several families of questions, each with keys
-- of its own (the events, the years, the parties): keys.join({ keys, question }, ...) returns
-- what a lazy generator returns — every key once, in the order first met, and a question(key)
-- that runs each family that has the key, with the key's position in that family's list.

local K = {}

function K.join(...)
  local families = { ... }
  local keys, seen = {}, {}
  local at = {} -- family -> key -> position
  for f, fam in ipairs(families) do
    at[f] = {}
    for i, key in ipairs(fam[1]) do
      at[f][key] = i
      if not seen[key] then
        seen[key] = true
        keys[#keys + 1] = key
      end
    end
  end
  return keys, function(key)
    for f, fam in ipairs(families) do
      local i = at[f][key]
      if i then fam[2](key, i) end
    end
  end
end

return K
