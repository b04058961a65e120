-- lib/classroom/journal.lua: a networked game's course in the progress store, beside its answers,
-- so that `drill --serve --resume` can rebuild it after a crash or a kill: who joined (name, seat
-- and token, so phones reconnect to the same seats), each question opened and closed, kicks, the
-- teacher's points and undos. Each is a record of the session like an answer, its question id
-- starting with "@" (no facts: nothing of a fact's history changes). Answers themselves are
-- stored as they arrive by lib/classroom/serve.lua, as in the drill.

local J = {}

local function put(ctx, what, fields)
  if not ctx.session then return end
  fields.question = what
  halqa.store.record_answer(ctx.session, fields)
end

function J.join(ctx, k, seat, token)
  put(ctx, "@join", { given = seat .. " " .. token, verdict = "joined", player = ctx.g.players[k].name })
end

function J.open(ctx)
  put(ctx, "@open", { given = tostring(ctx.g.i), verdict = "opened" })
end

function J.close(ctx)
  put(ctx, "@close", { given = ctx.g.current.closed, verdict = "closed" })
end

function J.kick(ctx, k)
  put(ctx, "@kick", { verdict = "kicked", player = ctx.g.players[k].name })
end

function J.adjust(ctx, k, delta)
  put(ctx, "@adjust", { verdict = "adjusted", score = delta, player = ctx.g.players[k].name })
end

function J.undo(ctx)
  put(ctx, "@undo", { verdict = "undone" })
end

-- The latest networked game that never ended, or nil: { id =, settings = }.
function J.find()
  return halqa.store.unfinished("drill", '"serve":true')
end

-- Plays the session's records back into ctx.g and gives the seats back their tokens.
function J.replay(ctx, session)
  local g = ctx.g
  local by = {}
  by["@join"] = function(r)
    local seat, token = r.given:match("^(%d+) (%x+)$")
    local k = g:join(r.player)
    seat = tonumber(seat)
    if k and seat and ctx.srv:restore(seat, token) then
      ctx.seat_player[seat], ctx.player_seat[k] = k, seat
    end
  end
  by["@open"] = function(r)
    local i = tonumber(r.given)
    while g.i < i do
      if g.current and g.current.open then g:close("time") end
      g:open(0)
    end
  end
  by["@close"] = function(r) if g.current and g.current.open then g:close(r.given) end end
  by["@kick"] = function(r) local k = g:player_named(r.player) if k then g:kick(k) end end
  by["@adjust"] = function(r) local k = g:player_named(r.player) if k then g:adjust(k, r.score) end end
  by["@undo"] = function() g:undo() end
  local replayed = 0
  for _, r in ipairs(halqa.store.session_answers(session.id)) do
    local f = by[r.question]
    local k = r.player and g:player_named(r.player)
    if f then
      f(r)
    elseif r.verdict == "override" then
      if k then g:override(k) end
    elseif r.verdict ~= "undone" and k and g.current and g.current.open then
      g:answer_from(k, r.given or "", r.seconds or 0)
      replayed = replayed + 1
    end
  end
  ctx.resumed = true
  return replayed
end

return J
