package com.scalecommerce.platform.events;

import static com.scalecommerce.platform.events.EffectCountingHandler.COUNTED;
import static com.scalecommerce.platform.events.EffectCountingHandler.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FreshRedisDatabase.class, scope = TestResourceScope.GLOBAL)
class ScriptedEventsTest {

    // A change a script may refuse, as a cart add refuses a line over its limit: the key is claimed only once.
    private static final String CLAIM = ScriptedEvents.LUA + """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
              publish(KEYS[2], ARGV[2], ARGV[3])
              return 1
            end
            return 0
            """;

    @Inject
    ScriptedEvents events;

    @Inject
    RedisDataSource redis;

    @Inject
    EventProbe probe;

    @Test
    void theScriptThatMakesTheChangePublishesItsEventAndARefusedChangePublishesNone() {
        String key = "events-test:claim:" + UUID.randomUUID();
        CloudEvent claimed = events.event(COUNTED, key, Map.of("by", "first"));
        CloudEvent refused = events.event(COUNTED, key, Map.of("by", "second"));

        assertThat(claim(key, "first", claimed)).isEqualTo(1);
        assertThat(claim(key, "second", refused)).isZero();

        assertThat(probe.timesOnStream(STREAM, claimed.id())).isEqualTo(1);
        assertThat(probe.timesOnStream(STREAM, refused.id())).isZero();
        CloudEvent published = probe.eventsOn(STREAM).stream()
                .filter(e -> e.id().equals(claimed.id()))
                .findFirst()
                .orElseThrow();
        assertThat(published).isEqualTo(claimed);
        assertThat(published.source()).isEqualTo("/events-test");
        // Consumers take it like a relayed event: applied once.
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.timesApplied(claimed.id()) == 1);
        assertThat(probe.timesApplied(refused.id())).isZero();
    }

    private int claim(String key, String value, CloudEvent event) {
        return redis.execute("EVAL", CLAIM, "2", key, events.stream(), value, events.maxLength(), event.toJson())
                .toInteger();
    }
}
