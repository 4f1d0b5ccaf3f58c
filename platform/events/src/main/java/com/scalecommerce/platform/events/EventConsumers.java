package com.scalecommerce.platform.events;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Runs every {@link EventHandler} bean of the application, each on a consumer thread of its own. */
@Singleton
class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Instance<EventHandler> handlers;
    private final RedisDataSource redis;
    private final ProcessedEvents processedEvents;
    private final EventsConfig config;
    private final String consumerName =
            hostName() + "-" + ProcessHandle.current().pid();
    private final List<ConsumerLoop> loops = new ArrayList<>();

    EventConsumers(
            @Any Instance<EventHandler> handlers,
            RedisDataSource redis,
            ProcessedEvents processedEvents,
            EventsConfig config) {
        this.handlers = handlers;
        this.redis = redis;
        this.processedEvents = processedEvents;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.consumer().enabled()) {
            LOG.info("Event consumers disabled (scalecommerce.events.consumer.enabled=false)");
            return;
        }
        Set<String> groups = new HashSet<>();
        for (EventHandler handler : handlers) {
            requireValid(handler, groups);
            loops.add(new ConsumerLoop(handler, consumerName, redis, processedEvents, config));
        }
        loops.forEach(ConsumerLoop::start);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loops.forEach(ConsumerLoop::requestStop);
        loops.forEach(ConsumerLoop::awaitStopped);
        loops.clear();
    }

    String consumerName() {
        return consumerName;
    }

    /** Fails startup on a handler that could never work, naming it, rather than failing quietly later. */
    private static void requireValid(EventHandler handler, Set<String> groupsSoFar) {
        String name = handler.getClass().getName();
        String group = handler.consumerGroup();
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("EventHandler " + name + " has no consumer group");
        }
        if (!groupsSoFar.add(group)) {
            throw new IllegalStateException("EventHandler " + name + " reuses consumer group " + group
                    + ": handlers sharing a group would each see only part of the events");
        }
        if (handler.streams() == null || handler.streams().isEmpty()) {
            throw new IllegalStateException("EventHandler " + name + " reads no stream");
        }
        if (handler.eventTypes() == null || handler.eventTypes().isEmpty()) {
            throw new IllegalStateException("EventHandler " + name + " wants no event type");
        }
    }

    /** The pod name under Kubernetes; unique per replica, and stable for the life of the process. */
    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
