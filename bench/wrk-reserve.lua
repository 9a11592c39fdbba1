-- Loaded by bench/lib/reservation-rows.ts as `wrk -s`: POST /api/inventory/reservations of one
-- unit of a product drawn among WRK_PRODUCTS consecutive ids from WRK_FIRST_PRODUCT, at location
-- WRK_LOCATION, tagged WRK_REFERENCE. Each request carries its own Idempotency-Key, as a real
-- client's would. Its answers are counted as created (201), refused (409) and other, and
-- reported through answerCounts(); done() comes from the report script, as for every row.

dofile(os.getenv("WRK_REPORT_SCRIPT"))

local firstProduct = tonumber(os.getenv("WRK_FIRST_PRODUCT"))
local products = tonumber(os.getenv("WRK_PRODUCTS"))
local location = tonumber(os.getenv("WRK_LOCATION"))
local reference = os.getenv("WRK_REFERENCE")
local headers = { ["Content-Type"] = "application/json" }

-- Every wrk process (a warm-up, a row) gets its own key prefix, so no key is ever replayed.
local function randomHex(bytes)
  local urandom = assert(io.open("/dev/urandom", "rb"))
  local raw = urandom:read(bytes)
  urandom:close()
  return (raw:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local keyPrefix
local sent = 0
created, refused, other = 0, 0, 0

function init()
  keyPrefix = randomHex(12) .. "-" .. thread_id .. "-"
  math.randomseed(tonumber(randomHex(4), 16))
end

function request()
  sent = sent + 1
  headers["Idempotency-Key"] = keyPrefix .. sent
  local product = firstProduct + math.random(0, products - 1)
  local body = string.format(
    '{"items":[{"product_id":%d,"quantity":1,"location_id":%d}],"reference":"%s"}',
    product, location, reference)
  return wrk.format("POST", "/api/inventory/reservations", headers, body)
end

function response(status)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    refused = refused + 1
  else
    other = other + 1
  end
end

function answerCounts()
  local counts = { created = 0, refused = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(counts) do
      counts[name] = counts[name] + thread:get(name)
    end
  end
  return counts
end
