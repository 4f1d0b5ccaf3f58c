package com.scalecommerce.platform.events;

import static com.scalecommerce.platform.events.EffectCountingHandler.COUNTED;
import static com.scalecommerce.platform.events.EffectCountingHandler.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FreshRedisDatabase.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {

    private static final Duration SEVERAL_RELAY_CYCLES = Duration.ofSeconds(2);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EventProbe probe;

    @Test
    void publishesAnEventOnceItsTransactionCommits() {
        CloudEvent appended = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(COUNTED, "order-17", Map.of("totalMinor", 4200)));

        await().until(() -> probe.timesOnStream(STREAM, appended.id()) == 1);
        CloudEvent published = probe.eventsOn(STREAM).stream()
                .filter(e -> e.id().equals(appended.id()))
                .findFirst()
                .orElseThrow();
        assertThat(published.source()).isEqualTo("/events-test");
        assertThat(published.type()).isEqualTo(COUNTED);
        assertThat(published.subject()).isEqualTo("order-17");
        assertThat(published.data().get("totalMinor").asLong()).isEqualTo(4200);
        await().until(() -> probe.publishedInOutbox(appended.id()));
    }

    /**
     * A trickle of small transactions, as a busy shop's cart adds are: the relay and the consumer each take several
     * events per transaction (their lingers), where without the lingers each event had a claim, an XADD round trip,
     * a consumer read and a commit of its own.
     */
    @Test
    void aTrickleOfCommitsIsPublishedAndAppliedInBatches() throws InterruptedException {
        List<UUID> trickle = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            trickle.add(QuarkusTransaction.requiringNew()
                    .call(() -> outbox.append(COUNTED, "trickle", Map.of()))
                    .id());
            Thread.sleep(5);
        }

        await().until(() -> trickle.stream().allMatch(id -> probe.timesApplied(id) == 1));
        assertThat(probe.relayTransactionsThatPublished(trickle)).isBetween(1, 4);
        assertThat(probe.consumerTransactionsThatApplied(EffectCountingHandler.GROUP, trickle))
                .isBetween(1, 4);
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() {
        QuarkusTransaction.begin();
        UUID rolledBack = outbox.append(COUNTED, "order-18", Map.of()).id();
        QuarkusTransaction.rollback();
        UUID committedAfterwards = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(COUNTED, "order-19", Map.of()))
                .id();

        await().until(() -> probe.timesOnStream(STREAM, committedAfterwards) == 1);
        await().during(SEVERAL_RELAY_CYCLES)
                .atMost(SEVERAL_RELAY_CYCLES.plusSeconds(5))
                .until(() -> probe.timesOnStream(STREAM, rolledBack) == 0);
        assertThat(probe.outboxRows(rolledBack)).isZero();
        assertThat(probe.timesApplied(rolledBack)).isZero();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(COUNTED, "order-20", Map.of()))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void losesNothingWhenTheRelayDiesBetweenPublishingAndCommitAndTheEffectStaysOnce() {
        List<CloudEvent> batch = QuarkusTransaction.requiringNew().call(() -> {
            List<CloudEvent> appended = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                appended.add(outbox.append(COUNTED, "crash-" + i, Map.of("line", i)));
            }
            relay.crashOnceAfterPublishing(appended.get(2).id());
            return appended;
        });

        await().until(() -> batch.stream().allMatch(e -> probe.publishedInOutbox(e.id())));
        assertThat(batch)
                .extracting(e -> probe.timesOnStream(STREAM, e.id()))
                .as("the batch went out in one pipeline before the crash, and again after it")
                .containsOnly(2L);
        // The consumer reads in stream order, so once the last event is applied every duplicate has been seen.
        await().until(() -> probe.timesApplied(batch.getLast().id()) == 1);
        assertThat(batch).extracting(e -> probe.timesApplied(e.id())).containsOnly(1);
    }

    @Test
    void relaysRunningSideBySidePublishEachEventOnce() throws Exception {
        List<UUID> appended = QuarkusTransaction.requiringNew()
                .call(() -> IntStream.range(0, 500)
                        .mapToObj(i -> outbox.append(COUNTED, "side-by-side-" + i, Map.of("line", i))
                                .id())
                        .toList());

        try (ExecutorService replicas = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> relaying = IntStream.range(0, 4)
                    .mapToObj(replica -> replicas.submit(() -> {
                        while (relay.relayBatch() > 0) {
                            // keep claiming until no unpublished row is left for this replica
                        }
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
            for (Future<?> replica : relaying) {
                replica.get();
            }
        }

        await().until(() -> appended.stream().allMatch(probe::publishedInOutbox));
        Map<UUID, Long> timesPublished = probe.eventsOn(STREAM).stream()
                .filter(e -> appended.contains(e.id()))
                .collect(Collectors.groupingBy(CloudEvent::id, Collectors.counting()));
        assertThat(timesPublished).hasSize(appended.size());
        assertThat(timesPublished.values()).containsOnly(1L);
    }
}
