-- lib/quiz/giveaway.lua: keeps a quiz, a drill or a circle from asking two questions where one
-- answers the other ("When was the CMKP founded?" then "____ was founded in 1995. Which party?").
-- Two questions give each other away when they test a fact in common and the prompt of one holds
-- the answer of the other. This is a check on the session's selection; the bank is left whole.

local G = {}

local function fold(s) return (halqa.normalize and halqa.normalize(s)) or s:lower() end

-- Whether a's answer can be read in b's prompt. Answers of a word or two letters and true/false
-- are not clues.
local function answers(a, b)
  local ans = a.answer
  if type(ans) ~= "string" or #ans < 3 or a.kind == "truefalse" or a.kind == "match" or a.kind == "order"
    or a.kind == "multi" then return false end
  local needle, hay = fold(ans), fold(b.prompt .. " " .. table.concat(b.choices or {}, " "))
  if needle == "" then return false end
  return (" " .. hay .. " "):find(" " .. needle .. " ", 1, true) ~= nil
end

local function share_fact(a, b)
  for _, f in ipairs(a.facts) do
    for _, g in ipairs(b.facts) do
      if f == g then return true end
    end
  end
  return false
end

-- True when a and b should not be asked in one session.
function G.conflict(a, b)
  return share_fact(a, b) and (answers(a, b) or answers(b, a))
end

-- Whether q conflicts with any question of chosen.
function G.clashes(q, chosen)
  for _, c in ipairs(chosen) do
    if G.conflict(q, c) then return true end
  end
  return false
end

-- Up to n of candidates, in their order, none giving another away.
function G.pick(candidates, n)
  local out = {}
  for _, q in ipairs(candidates) do
    if #out >= n then break end
    if not G.clashes(q, out) then out[#out + 1] = q end
  end
  return out
end

return G
