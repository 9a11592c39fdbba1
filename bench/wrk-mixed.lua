-- Loaded by bench/lib/mixed-workload.ts as `wrk -s`: a mix of writes and reads on a seeded
-- catalogue of WRK_PRODUCTS products. 10 % POST /api/products, 10 % PUT /api/products/{id},
-- WRK_CATALOGUE_SHARE of GET /api/products-full, 35 % GET /api/inventory/product/{id}, and the
-- rest merged GET /api/products/{id}. done() comes from the report script, as for every row.

dofile(os.getenv("WRK_REPORT_SCRIPT"))

local products = tonumber(os.getenv("WRK_PRODUCTS"))
local catalogueShare = tonumber(os.getenv("WRK_CATALOGUE_SHARE"))
local json = { ["Content-Type"] = "application/json" }
local created = '{"name":"Mixed bench product","description":"Created by npm run bench",' ..
  '"price":12.5,"category":"Bench"}'

function init()
  math.randomseed(os.time())
end

function request()
  local draw = math.random()
  local id = math.random(1, products)
  if draw < 0.10 then
    return wrk.format("POST", "/api/products", json, created)
  elseif draw < 0.20 then
    return wrk.format("PUT", "/api/products/" .. id, json,
      string.format('{"price":%d.%02d}', 1 + id % 2000, id % 100))
  elseif draw < 0.20 + catalogueShare then
    return wrk.format("GET", "/api/products-full")
  elseif draw < 0.55 + catalogueShare then
    return wrk.format("GET", "/api/inventory/product/" .. id)
  end
  return wrk.format("GET", "/api/products/" .. id)
end
