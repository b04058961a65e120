-- commands/export.lua: `export --format FORMAT ...` prints something to keep: the question bank
-- as JSON or for Moodle, Anki, Quizlet and Kahoot, a worksheet, a handout, a printable page. Each format is a module in exports/ across the scripts search
-- path (a user's own are picked up like the bundled ones) returning { name =, description =,
-- run = function(args) }; run gets every argument, --format included, and parses its own options.

-- The format named by -f/--format (default json), without parsing anything else.
local function format_of(args)
  for i, a in ipairs(args) do
    if a == "-f" or a == "--format" then return args[i + 1] end
    local v = a:match("^%-%-format=(.*)$")
    if v then return v end
  end
  return "json"
end

local function formats()
  local out, names = {}, {}
  for _, modname in ipairs(halqa.scripts("exports")) do
    local name = modname:match("([^.]+)$")
    out[name] = modname
    names[#names + 1] = name
  end
  table.sort(names)
  return out, names
end

halqa.command("export", "export --format gift|moodle-xml|aiken|apkg|csv|tsv|kahoot|html|json|worksheet|handout [-o FILE] ...  questions for Moodle, Anki, Quizlet, Kahoot or paper\n\n" ..
    "Examples:\n  export --format gift -o bank.gift\n  export --format apkg -o halqa.apkg --with-progress\n" ..
    "  export --format worksheet --seed 42 -n 10\n  export --format html cpp_founding -o circle.html\n\n" ..
    "`export --format NAME --help` lists that format's options.",
  function(args)
    local mods, names = formats()
    if #args == 0 and halqa.interactive() then
      -- `export` alone at a terminal would scroll the whole bank past as JSON: say how instead
      local T = require("lib.text")
      for _, c in ipairs(halqa.commands()) do
        if c.name == "export" then print(require("lib.options").describe(c.help, halqa.columns())) end
      end
      print("\n" .. T.wrap("Formats: " .. table.concat(names, ", ") .. ". Without --format: json.", halqa.columns(), "  "))
      return
    end
    local fmt = format_of(args)
    if fmt == nil then
      error({ message = "export: option '--format' needs a value (one of: " .. table.concat(names, ", ") .. ")", status = 2 }, 0)
    end
    if not mods[fmt] then
      error({ message = "export: unknown format '" .. fmt .. "' (one of: " .. table.concat(names, ", ") .. ")", status = 2 }, 0)
    end
    local m = require(mods[fmt])
    if type(m) ~= "table" or type(m.run) ~= "function" then
      error("exports/" .. fmt .. ".lua must return a table with a run function", 0)
    end
    m.run(args)
  end, function(words)
    -- Tab: the formats for --format; once one is named, that format's own options as well
    local fmt, mods, names = format_of(words), formats()
    local spec = { { "f", "format", "FORMAT", "", values = names } }
    local m = fmt and mods[fmt] and require(mods[fmt])
    for _, o in ipairs(type(m) == "table" and type(m.spec) == "table" and m.spec or {}) do
      if o[2] ~= "format" then spec[#spec + 1] = o end
    end
    spec.args = type(m) == "table" and type(m.spec) == "table" and m.spec.args or nil
    return spec
  end)
