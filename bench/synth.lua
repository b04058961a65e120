-- bench/synth.lua: writes a synthetic dataset N times the bundled one (same schema, valid under
-- `halqa check`), for the benchmarks. Each record is copied N times with its id suffixed _K, and
-- every reference inside copy K points at copy K, so the copies are self-consistent. Copy 1 keeps
-- the bundled ids and names, so the bundled circle topics (which name records) work on it too.
-- usage: lua5.4 bench/synth.lua DATA_DIR OUT_DIR [N=1000]
local src, out, n = arg[1], arg[2], tonumber(arg[3] or "1000")
assert(src and out, "usage: lua5.4 bench/synth.lua DATA_DIR OUT_DIR [N]")

local function load(name)
  local f = assert(loadfile(src .. "/" .. name .. ".lua", "t", {}))
  return f()
end

-- Which fields hold ids (see docs/dataset.md); citations point at sources, which are not copied.
local ref_fields = {
  founders = true, student_wing = true, national_affiliations = true, international_affiliations = true,
  publications = true, split_from = true, merged_from = true, merged_into = true, party = true,
  organization = true, parties = true, people = true, organizations = true, from = true, formed = true,
  doubtful = true, became = true,
}

local function rename(id, k) return k == 1 and id or id .. "_" .. k end

local function copy(v, k, field)
  if type(v) ~= "table" then
    if field and ref_fields[field] and type(v) == "string" then return rename(v, k) end
    return v
  end
  local t = {}
  for key, val in pairs(v) do
    local f = type(key) == "string" and key or field
    if key == "sources" then
      t[key] = val
    elseif type(key) == "number" and field and ref_fields[field] then
      t[key] = type(val) == "string" and rename(val, k) or copy(val, k, nil)
    else
      t[key] = copy(val, k, type(key) == "string" and key or nil)
    end
  end
  return t
end

-- Serialises a value as a Lua table constructor.
local function ser(v, buf)
  local t = type(v)
  if t == "string" then buf[#buf + 1] = string.format("%q", v)
  elseif t == "number" or t == "boolean" then buf[#buf + 1] = tostring(v)
  else
    buf[#buf + 1] = "{"
    local n = #v
    for i = 1, n do ser(v[i], buf); buf[#buf + 1] = "," end
    local keys = {}
    for key in pairs(v) do if not (math.type(key) == "integer" and key >= 1 and key <= n) then keys[#keys + 1] = key end end
    table.sort(keys)
    for _, key in ipairs(keys) do buf[#buf + 1] = key .. "="; ser(v[key], buf); buf[#buf + 1] = "," end
    buf[#buf + 1] = "}"
  end
end

os.execute("mkdir -p '" .. out .. "'")
for _, name in ipairs({ "sources", "parties", "people", "organizations", "events" }) do
  local records = load(name)
  local f = assert(io.open(out .. "/" .. name .. ".lua", "w"))
  f:write("-- synthetic: ", n, "x ", name, " from bench/synth.lua\nreturn {\n")
  local copies = name == "sources" and 1 or n
  for k = 1, copies do
    for _, r in ipairs(records) do
      local c = name == "sources" and r or copy(r, k, nil)
      if name ~= "sources" then
        c.id = rename(r.id, k)
      end
      if name ~= "sources" and k > 1 then
        -- names stay distinct across copies, as they would in a real dataset of this size
        if c.name then c.name = c.name .. " " .. k end
        if c.title then c.title = c.title .. " " .. k end
        if c.abbr then c.abbr = c.abbr .. k end
        if c.aliases then for i, a in ipairs(c.aliases) do c.aliases[i] = a .. " " .. k end end
      end
      local buf = {}
      ser(c, buf)
      f:write(table.concat(buf), ",\n")
    end
  end
  f:write("}\n")
  f:close()
end
