-- wrk script: one signed-in shopper per thread (run with as many threads as connections), repeating one step of
-- the browse journey. SESSIONS_FILE holds a line per shopper: session cookie value, then a CSRF token of it.
-- The step is wrk's argument after "--": a path to GET, or "cart" for add to cart and remove in turn (so the
-- cart stays one line). A Set-Cookie in an answer (a refreshed token) replaces the shopper's cookie.
-- PRODUCT_ID and SKU name what "cart" adds.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  local line = 0
  for l in io.lines(os.getenv("SESSIONS_FILE")) do
    line = line + 1
    if line == id then cookie, csrf = l:match("(%S+) (%S+)") end
  end
  step = args[1]
  product, sku = os.getenv("PRODUCT_ID"), os.getenv("SKU")
  adding = false
end

function request()
  local headers = { Cookie = "sc=" .. cookie, Accept = "text/html" }
  if step ~= "cart" then
    return wrk.format("GET", step, headers)
  end
  adding = not adding
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  if adding then
    return wrk.format("POST", "/cart/items", headers,
      "_csrf=" .. csrf .. "&productId=" .. product .. "&sku=" .. sku .. "&quantity=1")
  end
  return wrk.format("POST", "/cart/items/" .. sku .. "/remove", headers, "_csrf=" .. csrf)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  local value = set and set:match("^sc=([^;]+)")
  if value then cookie = value end
end

function done(summary, latency, requests)
  io.write(string.format("  req/s %.0f | p50 %.1f ms | p99 %.1f ms | requests %d | errors (4xx/5xx) %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
