-- wrk script for bench/run: POST /invitations/{id}/accept with each invitation's own personal link.
-- Arguments: a file of "invitationId token" lines, the number of wrk threads (-t), and optionally a word put in the
-- delegate's name. Each wrk thread takes every Nth line, so no two threads hit the same invitation. Every pass over a
-- thread's list flips the mode (IN_PERSON, REMOTE, ...), so each request changes the reply and writes a new version
-- (201) instead of being answered from the read alone (200); a run over invitations an earlier run answered gives
-- another word, so that its first pass changes them too.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(args[2])
  delegate = "Bench Delegate" .. ((args[3] and args[3] ~= "") and (" " .. args[3]) or "")
  mine = {}
  local i = 0
  for line in io.lines(args[1]) do
    local id, token = line:match("^(%S+) (%S+)$")
    if id and (i % nthreads == tid) then
      table.insert(mine, { id = id, token = token })
    end
    i = i + 1
  end
  sent = 0
  c201, c200, other = 0, 0, 0
end

function request()
  local n = #mine
  local e = mine[(sent % n) + 1]
  local pass = math.floor(sent / n)
  sent = sent + 1
  local mode = (pass % 2 == 0) and "IN_PERSON" or "REMOTE"
  local body = '{"mode":"' .. mode .. '","delegation":[{"name":"' .. delegate .. '","title":"Minister",'
      .. '"email":"delegate@bench.example.org","accessibilityNeed":null,"headOfDelegation":true}]}'
  return wrk.format("POST", "/invitations/" .. e.id .. "/accept",
      { ["Content-Type"] = "application/json", ["WSIS-Personal-Link"] = e.token }, body)
end

function response(status, headers, body)
  if status == 201 then c201 = c201 + 1 elseif status == 200 then c200 = c200 + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("c201"); b = b + t:get("c200"); c = c + t:get("other")
  end
  io.write(string.format("statuses 201=%d 200=%d other=%d\n", a, b, c))
end
