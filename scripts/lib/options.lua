-- lib/options.lua: command-line options for commands, parsed the same way in the REPL and from
-- the shell. A bad option is a usage error: { message =, status = 2 }, printed without a traceback.
--
--   local opts, rest = options.parse("quiz", args, {
--     { "n", "count", "N", "how many questions", type = "int", default = 10 },
--     { nil, "json", nil, "print the results as JSON", type = "flag" },
--     { nil, "party", "ID", "only questions about this party", list = true },
--   })
-- gives opts.count, opts.json, opts.party (a list); rest holds the words that are not options.
-- `--help` prints the command's help and options and returns nil: the command then just returns.

local T = require("lib.text")

local options = {}

-- The option list, wrapped to the screen at word boundaries: the description beside the names
-- when there is room for it, else on the lines below them.
local function usage_text(cmd, spec)
  local width = halqa.columns()
  local lines = { "usage: " .. cmd .. " [options]" }
  for _, o in ipairs(spec) do
    local names = (o[1] and ("-" .. o[1] .. ", ") or "    ") .. "--" .. o[2] .. (o[3] and (" " .. o[3]) or "")
    if width >= 60 and T.width(names) <= 28 then
      lines[#lines + 1] = (T.hang(string.format("  %-28s ", names), o[4] or "", width))
    else
      lines[#lines + 1] = T.wrap("  " .. names, width, "    ")
      lines[#lines + 1] = T.wrap("      " .. (o[4] or ""), width, "      ")
    end
  end
  return table.concat(lines, "\n")
end

-- What `CMD --help` prints: the command's help (what it does, examples) and its options.
local function help_text(cmd, spec)
  local out = {}
  for _, c in ipairs(halqa.commands()) do
    if c.name == cmd then out[#out + 1] = options.describe(c.help, halqa.columns()) end
  end
  out[#out + 1] = usage_text(cmd, spec)
  return table.concat(out, "\n\n")
end

-- A command's help ("USAGE  description", then more lines) wrapped to width: the usage on a line
-- of its own, the description and each further line wrapped at word boundaries.
function options.describe(help, width)
  local first, more = help:match("^([^\n]*)\n?(.*)$")
  local usage, what = first:match("^(.-)%s%s+(.*)$")
  local lines = { T.wrap(usage or first, width, "    "), what and T.wrap(what:gsub("^%l", string.upper), width) or nil }
  for l in (more .. "\n"):gmatch("(.-)\n") do
    local lead = l:match("^(%s*)")
    lines[#lines + 1] = T.wrap(l, width, lead .. "  ")
  end
  while lines[#lines] == "" do lines[#lines] = nil end
  return table.concat(lines, "\n")
end

-- A usage error is one line that says what is wrong and where to look, not the whole option list.
local function usage_error(cmd, spec, msg)
  error({ message = T.wrap(cmd .. ": " .. msg .. " (`" .. cmd .. " --help` lists the options)", halqa.columns(), "  "),
          status = 2 }, 0)
end

-- What a value of each type is, in words for an error ("'many' is not a whole number").
local TYPE_WORDS = { int = "a whole number", number = "a number", string = "a value" }

local converters = {
  int = function(v) return math.tointeger(tonumber(v)) end,
  number = function(v) return tonumber(v) end,
  string = function(v) return v end,
}

function options.parse(cmd, args, spec)
  local by_name, opts, rest = {}, {}, {}
  for _, o in ipairs(spec) do
    if o[1] then by_name["-" .. o[1]] = o end
    by_name["--" .. o[2]] = o
    if o.list then opts[o[2]] = {} elseif o.default ~= nil then opts[o[2]] = o.default end
  end
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, inline = a:match("^(%-%-[^=]+)=(.*)$")
    name = name or a
    local o = by_name[name]
    if (a == "--help" or a == "-h") and not o then
      print(help_text(cmd, spec))
      return nil
    end
    if o then
      if o.type == "flag" then
        opts[o[2]] = true
      else
        local v = inline
        if v == nil then
          i = i + 1
          v = args[i]
        end
        if v == nil then usage_error(cmd, spec, "option '" .. name .. "' needs a value") end
        local conv = converters[o.type or "string"](v)
        if conv == nil then usage_error(cmd, spec, "option '" .. name .. "': '" .. v .. "' is not " .. (TYPE_WORDS[o.type or "string"] or "valid")) end
        if o.check then
          local ok, why = o.check(conv)
          if not ok then usage_error(cmd, spec, "option '" .. name .. "': " .. why) end
        end
        if o.list then table.insert(opts[o[2]], conv) else opts[o[2]] = conv end
      end
    elseif a:match("^%-") and a ~= "-" then
      usage_error(cmd, spec, "unknown option '" .. a .. "'")
    else
      rest[#rest + 1] = a
    end
    i = i + 1
  end
  return opts, rest
end

options.usage = usage_text
options.error = usage_error
return options
