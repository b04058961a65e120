-- lib/options.lua: command-line options for commands, parsed the same way in the REPL and from
-- the shell. A bad option is a usage error: { message =, status = 2 }, printed without a traceback.
--
--   local opts, rest = options.parse("quiz", args, {
--     { "n", "count", "N", "how many questions", type = "int", default = 10 },
--     { nil, "json", nil, "print the results as JSON", type = "flag" },
--     { nil, "party", "ID", "only questions about this party", list = true },
--   })
-- gives opts.count, opts.json, opts.party (a list); rest holds the words that are not options.

local options = {}

local function usage_text(cmd, spec)
  local lines = { "usage: " .. cmd .. " [options]" }
  for _, o in ipairs(spec) do
    local names = (o[1] and ("-" .. o[1] .. ", ") or "    ") .. "--" .. o[2] .. (o[3] and (" " .. o[3]) or "")
    lines[#lines + 1] = string.format("  %-28s %s", names, o[4] or "")
  end
  return table.concat(lines, "\n")
end

local function usage_error(cmd, spec, msg)
  error({ message = cmd .. ": " .. msg .. "\n" .. usage_text(cmd, spec), status = 2 }, 0)
end

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
        if conv == nil then usage_error(cmd, spec, "option '" .. name .. "': '" .. v .. "' is not a valid " .. (o.type or "value")) end
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
