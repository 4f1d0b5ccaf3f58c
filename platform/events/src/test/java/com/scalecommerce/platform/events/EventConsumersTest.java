package com.scalecommerce.platform.events;

import static com.scalecommerce.platform.events.EffectCountingHandler.COUNTED;
import static com.scalecommerce.platform.events.EffectCountingHandler.GROUP;
import static com.scalecommerce.platform.events.EffectCountingHandler.POISONED;
import static com.scalecommerce.platform.events.EffectCountingHandler.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.redis.datasource.transactions.TransactionResult;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FreshRedisDatabase.class, scope = TestResourceScope.GLOBAL)
class EventConsumersTest {

    private static final String DEAD_CONSUMER = "consumer-that-died";

    @Inject
    EventProbe probe;

    @Inject
    EffectCountingHandler handler;

    @Inject
    KeyedLogHandler keyedLog;

    @Inject
    EventsConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    Outbox outbox;

    @Test
    void appliesAnEventDeliveredSeveralTimesOnce() {
        CloudEvent event = foreignEvent(COUNTED);
        for (int i = 0; i < 3; i++) {
            probe.addToStream(STREAM, event);
        }
        CloudEvent last = foreignEvent(COUNTED);
        probe.addToStream(STREAM, last);

        // The consumer reads in stream order, so once the last event is applied every duplicate has been seen.
        await().until(() -> probe.timesApplied(last.id()) == 1);
        assertThat(probe.timesApplied(event.id())).isEqualTo(1);
        assertThat(probe.recordedAsProcessed(GROUP, event.id())).isTrue();
    }

    @Test
    void leavesDuplicatesToAHandlerThatDeduplicatesItselfAndRecordsNothingForIt() {
        CloudEvent event = foreignEvent(KeyedLogHandler.LOGGED);
        for (int i = 0; i < 3; i++) {
            probe.addToStream(KeyedLogHandler.STREAM, event);
        }
        CloudEvent last = foreignEvent(KeyedLogHandler.LOGGED);
        probe.addToStream(KeyedLogHandler.STREAM, last);

        await().until(() -> probe.timesLogged(last.id()) == 1);
        assertThat(probe.timesLogged(event.id())).isEqualTo(1);
        assertThat(keyedLog.timesHanded(event.id())).isEqualTo(3);
        assertThat(probe.processedRecordsOf(KeyedLogHandler.GROUP)).isZero();
    }

    @Test
    void oneByOneAfterAFailedReadAHandlerThatDeduplicatesItselfStillGetsTheDuplicatesAndRecordsNothing() {
        CloudEvent event = foreignEvent(KeyedLogHandler.LOGGED);
        CloudEvent poisoned = foreignEvent(KeyedLogHandler.POISONED);

        // In one MULTI, so one read holds all three: the poisoned event fails that read, which rolls back, and the
        // entries are delivered one by one.
        redis.withTransaction(tx -> {
            for (CloudEvent entry : List.of(event, event, poisoned)) {
                tx.stream(String.class).xadd(KeyedLogHandler.STREAM, Map.of(OutboxRelay.EVENT_FIELD, entry.toJson()));
            }
        });

        await().until(() -> keyedLog.timesHanded(poisoned.id()) >= 2);
        assertThat(probe.timesLogged(event.id())).isEqualTo(1);
        // Handed in the failed read (twice) and then once per entry: the copy is the handler's to leave out.
        assertThat(keyedLog.timesHanded(event.id())).isEqualTo(4);
        assertThat(probe.timesLogged(poisoned.id())).isZero();
        assertThat(probe.processedRecordsOf(KeyedLogHandler.GROUP)).isZero();
    }

    @Test
    void reclaimsAndAppliesOnceWhatADeadConsumerReadButNeverAcknowledged() {
        CloudEvent event = foreignEvent(COUNTED);

        // In one MULTI, so the dead consumer gets the entry before the live consumer (blocked in XREADGROUP) can.
        TransactionResult result = redis.withTransaction(tx -> {
            tx.stream(String.class).xadd(STREAM, Map.of(OutboxRelay.EVENT_FIELD, event.toJson()));
            tx.stream(String.class).xreadgroup(GROUP, DEAD_CONSUMER, STREAM, ">", new XReadGroupArgs().count(1000));
        });
        String entryId = result.get(0);
        List<StreamMessage<String, String, String>> readByTheDeadConsumer = result.get(1);
        assertThat(readByTheDeadConsumer).extracting(StreamMessage::id).contains(entryId);

        await().until(() -> probe.timesApplied(event.id()) == 1);
        await().until(() -> pendingFor(DEAD_CONSUMER, entryId).isEmpty());
        assertThat(probe.timesApplied(event.id())).isEqualTo(1);
    }

    @Test
    void parksAnEventThatKeepsFailingOnTheDeadLetterStream() {
        CloudEvent poisoned = foreignEvent(POISONED);
        String entryId = probe.addToStream(STREAM, poisoned);

        await().until(() ->
                probe.deadLetters(GROUP).stream().anyMatch(parked -> entryId.equals(parked.get("entry-id"))));

        Map<String, String> parked = probe.deadLetters(GROUP).stream()
                .filter(p -> entryId.equals(p.get("entry-id")))
                .findFirst()
                .orElseThrow();
        assertThat(CloudEvent.fromJson(parked.get(OutboxRelay.EVENT_FIELD))).isEqualTo(poisoned);
        assertThat(parked.get("stream")).isEqualTo(STREAM);
        assertThat(handler.attempts(poisoned.id())).isEqualTo(config.consumer().maxDeliveries());
        await().until(() -> pendingForAnyone(entryId).isEmpty());
        assertThat(probe.recordedAsProcessed(GROUP, poisoned.id())).isFalse();
    }

    @Test
    void parksAnEntryThatIsNotACloudEvent() {
        String entryId =
                redis.stream(String.class).xadd(STREAM, Map.of(OutboxRelay.EVENT_FIELD, "{\"not\":\"an event\"}"));

        await().until(() ->
                probe.deadLetters(GROUP).stream().anyMatch(parked -> entryId.equals(parked.get("entry-id"))));
        await().until(() -> pendingForAnyone(entryId).isEmpty());
    }

    @Test
    void acknowledgesEventTypesTheHandlerDoesNotWantWithoutHandlingThem() {
        CloudEvent unwanted = foreignEvent("test.unwanted");
        String entryId = probe.addToStream(STREAM, unwanted);
        CloudEvent last = foreignEvent(COUNTED);
        probe.addToStream(STREAM, last);

        await().until(() -> probe.timesApplied(last.id()) == 1);
        assertThat(handler.attempts(unwanted.id())).isZero();
        assertThat(probe.recordedAsProcessed(GROUP, unwanted.id())).isFalse();
        assertThat(pendingForAnyone(entryId)).isEmpty();
    }

    @Test
    void keepsRelayingAndConsumingAfterItsRedisConnectionsAreDropped() {
        dropEveryConnectionToTheTestDatabase();

        CloudEvent event =
                QuarkusTransaction.requiringNew().call(() -> outbox.append(COUNTED, "after-the-blip", Map.of()));

        await().until(() -> probe.timesApplied(event.id()) == 1);
    }

    private static CloudEvent foreignEvent(String type) {
        return CloudEvent.of("/elsewhere", type, "s-" + UUID.randomUUID(), Map.of("n", 1));
    }

    private List<?> pendingFor(String consumer, String entryId) {
        return redis.stream(String.class)
                .xpending(STREAM, GROUP, StreamRange.of(entryId, entryId), 1, new XPendingArgs().consumer(consumer));
    }

    private List<?> pendingForAnyone(String entryId) {
        return redis.stream(String.class).xpending(STREAM, GROUP, StreamRange.of(entryId, entryId), 1);
    }

    /** Only connections on the tests' own Redis database: other work on the same server is left alone. */
    private void dropEveryConnectionToTheTestDatabase() {
        String clients = redis.execute("CLIENT", "LIST").toString();
        String database =
                " db=" + redis.execute("CLIENT", "INFO").toString().replaceAll("(?s).* db=(\\d+) .*", "$1") + " ";
        long dropped = Arrays.stream(clients.split("\n"))
                .filter(line -> line.contains(database))
                .map(line -> line.replaceAll("^id=(\\d+) .*", "$1").trim())
                .filter(id -> redis.execute("CLIENT", "KILL", "ID", id, "SKIPME", "yes")
                                .toInteger()
                        > 0)
                .count();
        assertThat(dropped).as("connections dropped").isPositive();
    }
}
