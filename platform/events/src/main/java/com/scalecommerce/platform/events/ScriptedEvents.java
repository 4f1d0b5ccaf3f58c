package com.scalecommerce.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events about a change that a Redis Lua script makes (orders' carts live in Redis): the script that makes the
 * change appends the event to the service's stream itself. Redis runs a script atomically, so the event is on the
 * stream if and only if the change happened, which is the outbox's guarantee for a change that PostgreSQL does not
 * hold, without a PostgreSQL transaction and a relay hop per change.
 *
 * <p>A script includes {@link #LUA} and calls {@code publish(KEYS[i], ARGV[j], ARGV[k])} after its change, with
 * {@link #stream()} among its keys and {@link #maxLength()} and the event's {@link CloudEvent#toJson()} among its
 * arguments. The entry is the relay's: the same stream, field and trimming, so consumers cannot tell the two
 * apart. The stream is a key of the script, as Redis asks; the platform runs one Redis primary, not a cluster,
 * where a script's keys would have to share a hash slot.
 */
@ApplicationScoped
public class ScriptedEvents {

    /** Defines the Lua function {@code publish(stream, maxLength, eventJson)}. */
    public static final String LUA = """
            local function publish(stream, maxLength, event)
              redis.call('XADD', stream, 'MAXLEN', '~', maxLength, '*', '%s', event)
            end
            """.formatted(OutboxRelay.EVENT_FIELD);

    private final String source;
    private final String stream;
    private final String maxLength;

    ScriptedEvents(EventsConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.source = "/" + service;
        this.stream = EventStreams.ofService(service);
        this.maxLength = Long.toString(config.streamMaxLength());
    }

    /** A new event from this service, as the outbox would record it. */
    public CloudEvent event(String type, String subject, Object data) {
        return CloudEvent.of(source, type, subject, data);
    }

    /** The stream key to pass to the script. */
    public String stream() {
        return stream;
    }

    /** The approximate cap on the stream's length ({@code XADD MAXLEN ~}), as the relay trims it. */
    public String maxLength() {
        return maxLength;
    }
}
