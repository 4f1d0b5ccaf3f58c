package com.scalecommerce.orders.cart;

import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.events.ScriptedEvents;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carts in Redis, one hash per cart at {@code orders:cart:<cartId>}: {@code q:<sku>} holds the quantity,
 * {@code m:<sku>} "productId priceSeenMinor addedAtMillis", {@code cur} the cart's currency, and the shopper's
 * choices {@code dc} (discount code) and {@code dest} ("country" or "country region"). Every change runs as one
 * Lua script, so concurrent requests on one cart serialise inside Redis and no update is lost, and the limits are
 * checked against the value actually being written. Choices live in the same hash, so they share its TTL and go
 * when the cart goes.
 *
 * <p>Adding and removing a line answer a {@link Uni}, so the resource can run them on the event loop (the hot path of
 * a shopping session); the other operations block, for callers on virtual threads, for at most
 * {@code quarkus.redis.timeout}, as Quarkus' blocking data source would.
 */
@ApplicationScoped
class CartStore {

    static final String KEY_PREFIX = "orders:cart:";
    static final String DISCOUNT_CODE = "dc";
    static final String DESTINATION = "dest";

    // Lines are q:/m: pairs; every other field (currency, choices) is one field, so the line count is what is
    // left of HLEN without them, halved.
    private static final String LINES = """
            local function lines(key)
              local n = redis.call('HLEN', key)
              for _, f in ipairs({'cur', 'dc', 'dest'}) do
                if redis.call('HEXISTS', key, f) == 1 then n = n - 1 end
              end
              return math.floor(n / 2)
            end
            """;

    // The cart.item_added event goes on the stream from the script that made the change (ScriptedEvents): it is
    // published if and only if the add happened.
    static final LuaScript ADD = LuaScript.of(LINES + ScriptedEvents.LUA + """
            local key, stream = KEYS[1], KEYS[2]
            local sku, pid, qty, limit, maxLines, ttl, price, cur, now, maxLength, event =
                ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8],
                ARGV[9], ARGV[10], ARGV[11]
            local count = lines(key)
            local c = redis.call('HGET', key, 'cur')
            if c and c ~= cur and count > 0 then return {'CURRENCY', c} end
            local q = tonumber(redis.call('HGET', key, 'q:' .. sku) or '0')
            if q == 0 and count >= maxLines then return {'FULL', tostring(maxLines)} end
            local n = q + qty
            if n > limit then return {'LIMIT', tostring(q)} end
            local added = now
            if q > 0 then
              local m = redis.call('HGET', key, 'm:' .. sku)
              if m then added = string.match(m, '(%S+)$') end
            end
            redis.call('HSET', key, 'q:' .. sku, n, 'm:' .. sku, pid .. ' ' .. price .. ' ' .. added, 'cur', cur)
            redis.call('PEXPIRE', key, ttl)
            publish(stream, maxLength, event)
            return {'OK', tostring(n)}
            """);

    private static final LuaScript SET = LuaScript.of("""
            local key = KEYS[1]
            local sku, qty, ttl, price = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            local m = redis.call('HGET', key, 'm:' .. sku)
            if not m then return 'MISSING' end
            local pid, _, added = string.match(m, '(%S+) (%S+) (%S+)')
            redis.call('HSET', key, 'q:' .. sku, qty, 'm:' .. sku, pid .. ' ' .. price .. ' ' .. added)
            redis.call('PEXPIRE', key, ttl)
            return 'OK'
            """);

    // Without lines the cart has no currency; a hash holding nothing else is gone (Redis drops empty hashes),
    // one that still holds the shopper's choices keeps them.
    private static final LuaScript REMOVE = LuaScript.of(LINES + """
            local key = KEYS[1]
            local removed = redis.call('HDEL', key, 'q:' .. ARGV[1], 'm:' .. ARGV[1])
            if lines(key) == 0 then redis.call('HDEL', key, 'cur') end
            if redis.call('EXISTS', key) == 1 then redis.call('PEXPIRE', key, ARGV[2]) end
            return removed
            """);

    private static final LuaScript SET_CHOICE = LuaScript.of("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    private static final LuaScript CLEAR_CHOICE = LuaScript.of("""
            local removed = redis.call('HDEL', KEYS[1], ARGV[1])
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return removed
            """);

    private static final LuaScript READ = LuaScript.of("""
            local all = redis.call('HGETALL', KEYS[1])
            if #all > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return all
            """);

    // Guest lines join the user's: quantities add up to the per-line limit, lines past the line limit and lines
    // in another currency than the user's non-empty cart are dropped. Each choice (discount code, destination)
    // the user has made stays; one the user has not made comes from the guest cart. The guest cart is gone
    // afterwards.
    private static final LuaScript MERGE = LuaScript.of(LINES + """
            local guest, user = KEYS[1], KEYS[2]
            local limit, maxLines, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
            local g = redis.call('HGETALL', guest)
            if #g == 0 then return 0 end
            local fields = {}
            for i = 1, #g, 2 do fields[g[i]] = g[i + 1] end
            local chosen = 0
            for _, f in ipairs({'dc', 'dest'}) do
              if fields[f] then chosen = chosen + redis.call('HSETNX', user, f, fields[f]) end
            end
            local merged = 0
            local ucur = redis.call('HGET', user, 'cur')
            if not (ucur and lines(user) > 0 and ucur ~= fields['cur']) then
              for f, v in pairs(fields) do
                if string.sub(f, 1, 2) == 'q:' then
                  local sku = string.sub(f, 3)
                  local uq = tonumber(redis.call('HGET', user, f) or '0')
                  if uq > 0 or lines(user) < maxLines then
                    redis.call('HSET', user, f, math.min(uq + tonumber(v), limit))
                    if uq == 0 then redis.call('HSET', user, 'm:' .. sku, fields['m:' .. sku]) end
                    merged = merged + 1
                  end
                end
              end
            end
            if merged > 0 then redis.call('HSET', user, 'cur', fields['cur']) end
            if merged > 0 or chosen > 0 then redis.call('PEXPIRE', user, ttl) end
            redis.call('DEL', guest)
            return merged
            """);

    record StoredLine(String sku, UUID productId, long priceSeenMinor, long addedAtMillis, int quantity) {}

    record StoredCart(String currency, List<StoredLine> lines, String discountCode, CartDestination destination) {
        static final StoredCart EMPTY = new StoredCart(null, List.of(), null, null);
    }

    /** The outcome of an add: OK with the new quantity, or the rule it broke with the relevant detail. */
    record AddResult(String status, String detail) {}

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final CartConfig config;
    private final ScriptedEvents events;
    private final Duration blockingTimeout;

    CartStore(
            RedisDataSource redis,
            ReactiveRedisDataSource reactive,
            CartConfig config,
            ScriptedEvents events,
            @ConfigProperty(name = "quarkus.redis.timeout", defaultValue = "10s") Duration blockingTimeout) {
        this.redis = redis;
        this.reactive = reactive;
        this.config = config;
        this.events = events;
        this.blockingTimeout = blockingTimeout;
    }

    /** Adds to a line and, if the add happened, publishes {@code itemAdded}. */
    Uni<AddResult> add(
            String cartId,
            String sku,
            UUID productId,
            int quantity,
            long priceMinor,
            String currency,
            CloudEvent itemAdded) {
        return ADD.run(
                        reactive,
                        "2",
                        key(cartId),
                        events.stream(),
                        sku,
                        productId.toString(),
                        Integer.toString(quantity),
                        Integer.toString(config.maxQuantityPerLine()),
                        Integer.toString(config.maxLines()),
                        ttl(),
                        Long.toString(priceMinor),
                        currency,
                        Long.toString(System.currentTimeMillis()),
                        events.maxLength(),
                        itemAdded.toJson())
                .map(r -> new AddResult(r.get(0).toString(), r.get(1).toString()));
    }

    boolean set(String cartId, String sku, int quantity, long priceMinor) {
        Response r = await(
                SET.run(reactive, "1", key(cartId), sku, Integer.toString(quantity), ttl(), Long.toString(priceMinor)));
        return "OK".equals(r.toString());
    }

    /** True if the cart had the line. */
    Uni<Boolean> remove(String cartId, String sku) {
        return REMOVE.run(reactive, "1", key(cartId), sku, ttl()).map(r -> r.toInteger() > 0);
    }

    int merge(String guestCartId, String userCartId) {
        return await(MERGE.run(
                        reactive,
                        "2",
                        key(guestCartId),
                        key(userCartId),
                        Integer.toString(config.maxQuantityPerLine()),
                        Integer.toString(config.maxLines()),
                        ttl()))
                .toInteger();
    }

    StoredCart read(String cartId) {
        Response r = await(READ.run(reactive, "1", key(cartId), ttl()));
        if (r == null || r.size() == 0) {
            return StoredCart.EMPTY;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < r.size(); i += 2) {
            fields.put(r.get(i).toString(), r.get(i + 1).toString());
        }
        List<StoredLine> lines = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("q:")) {
                String sku = field.substring(2);
                String[] meta = fields.getOrDefault("m:" + sku, "").split(" ");
                if (meta.length == 3) {
                    lines.add(new StoredLine(
                            sku,
                            UUID.fromString(meta[0]),
                            Long.parseLong(meta[1]),
                            Long.parseLong(meta[2]),
                            Integer.parseInt(value)));
                }
            }
        });
        lines.sort(Comparator.comparingLong(StoredLine::addedAtMillis).thenComparing(StoredLine::sku));
        return new StoredCart(
                fields.get("cur"),
                lines,
                fields.get(DISCOUNT_CODE),
                CartDestination.fromStored(fields.get(DESTINATION)));
    }

    /** Sets one of the shopper's choices ({@link #DISCOUNT_CODE}, {@link #DESTINATION}); the cart lives on. */
    void choose(String cartId, String field, String value) {
        await(SET_CHOICE.run(reactive, "1", key(cartId), field, value, ttl()));
    }

    void forget(String cartId, String field) {
        await(CLEAR_CHOICE.run(reactive, "1", key(cartId), field, ttl()));
    }

    void delete(String cartId) {
        redis.key().del(key(cartId));
    }

    Optional<Long> millisToLive(String cartId) {
        long ttl = redis.key().pttl(key(cartId));
        return ttl < 0 ? Optional.empty() : Optional.of(ttl);
    }

    /** For callers that may block (virtual threads), with the blocking data source's timeout. */
    <T> T await(Uni<T> reply) {
        return reply.await().atMost(blockingTimeout);
    }

    private String ttl() {
        return Long.toString(config.idleTtl().toMillis());
    }

    static String key(String cartId) {
        return KEY_PREFIX + cartId;
    }
}
