-- tests/scripts/gen_pick_indexed.lua: the indexed distractor draw (lib/quiz/pick.lua) against the
-- plain one. P.pick_indexed must return what P.pick returns, with the same calls on the random
-- generator, for any tiers, filters and answers, so the bank stays the same; P.vsample must
-- draw what rng:sample draws. Run as `halqa tests/scripts/gen_pick_indexed.lua`.

local t = require("lib.testing").new()
local F = require("lib.quiz.facts")
local P = require("lib.quiz.pick")

-- Two generators with one seed: after the same calls they draw the same next number.
local function twins(seed)
  return halqa.random(seed), halqa.random(seed)
end

local function same_list(a, b)
  if a == nil or b == nil then return a == b end
  if #a ~= #b then return false end
  for i = 1, #a do
    if a[i] ~= b[i] then return false end
  end
  return true
end

local function show(list)
  return list and ("{" .. table.concat(list, ", ") .. "}") or "nil"
end

---------------------------------------------------------------------------------- P.vsample

for _, n in ipairs({ 0, 1, 2, 3, 7, 50 }) do
  local list = {}
  for i = 1, n do list[i] = "x" .. i end
  for k = 0, 4 do
    for seed = 1, 5 do
      local a, b = twins(seed * 100 + n + k)
      local want = a:sample(list, k)
      local got = P.vsample(b, n, function(i) return list[i] end, k)
      t:check(same_list(want, got), string.format("vsample of %d from %d, seed %d: %s, want %s", k, n, seed,
        show(got), show(want)))
      t:equal(b:int(1, 1000000), a:int(1, 1000000), "vsample leaves the generator as sample does")
    end
  end
end

---------------------------------------------------------------------------- P.pick_indexed

-- A fixed pseudo-random choice of ids: those whose hash with `salt` falls in 1/`one_in`.
local function hashed(id, salt, one_in)
  local h = 0
  for i = 1, #id do h = (h * 31 + id:byte(i) + salt) % 1000003 end
  return h % one_in == 0
end

local party_ids, people_ids, org_ids = F.ids("parties"), F.ids("people"), F.ids("organizations")

-- The tables' ids split into tiers by a hash, as the generators split them by kind or by use.
local function split(ids, salt)
  local a, b = {}, {}
  for _, id in ipairs(ids) do table.insert(hashed(id, salt, 3) and a or b, id) end
  return { a, b }
end

local cases = 0
for _, ids in ipairs({ party_ids, people_ids, org_ids }) do
  for salt = 1, 6 do
    local tiers = split(ids, salt)
    local ts = P.tierset(tiers)
    -- statics: none, a test of every id, a list of the ids left out
    local statics = {
      { spec = nil, test = function() return true end },
      { spec = { key = "accept " .. salt, accept = function(id) return not hashed(id, salt + 7, 4) end },
        test = function(id) return not hashed(id, salt + 7, 4) end },
      { spec = { key = "reject " .. salt, reject = function()
          local out = {}
          for _, id in ipairs(ids) do
            if hashed(id, salt + 11, 5) then out[#out + 1] = id end
          end
          return out
        end },
        test = function(id) return not hashed(id, salt + 11, 5) end },
    }
    for si, st in ipairs(statics) do
      for round = 1, 4 do
        -- the ids this question turns down besides the static ones, and those it takes although
        -- the static turns them down: all of them suspects
        local down, up, suspects = {}, {}, {}
        for _, id in ipairs(ids) do
          if hashed(id, salt * 13 + round, 6) then down[id] = true; suspects[#suspects + 1] = id end
          if hashed(id, salt * 17 + round, 9) then up[id] = true; suspects[#suspects + 1] = id end
        end
        local function ok(id)
          if down[id] then return false end
          if up[id] then return true end
          return st.test(id) and true or false
        end
        local answers = { ids[(salt * 7 + round) % #ids + 1] }
        if ids == party_ids and round % 2 == 0 then answers = { "MKP" } end -- shares a name with others
        local prefix = round >= 3 and tiers[2] and { tiers[2][1], tiers[2][2], ids[1] } or nil
        for _, n in ipairs({ 1, 3 }) do
          for _, least in ipairs({ false, 1 }) do
            local a, b = twins(salt * 1000 + si * 100 + round * 10 + n)
            local plain_tiers = prefix and { prefix, tiers[1], tiers[2] } or tiers
            local want = P.pick(a, n, answers, plain_tiers, ok, least or nil)
            local got = P.pick_indexed(b, n, answers, ts,
              { static = st.spec, suspects = suspects, ok = ok, prefix = prefix }, least or nil)
            cases = cases + 1
            t:check(same_list(want, got), string.format("pick_indexed (salt %d, static %d, round %d, n %d): %s, want %s",
              salt, si, round, n, show(got), show(want)))
            t:equal(b:int(1, 1000000), a:int(1, 1000000), "pick_indexed leaves the generator as pick does")
          end
        end
      end
    end
  end
end
t:check(cases > 100, "pick_indexed was compared in many cases")

t:done()
