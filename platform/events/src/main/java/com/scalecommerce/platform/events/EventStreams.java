package com.scalecommerce.platform.events;

/** Redis stream keys of the event backbone: one stream per producing service, one dead-letter stream per group. */
public final class EventStreams {

    private static final String PREFIX = "events:";
    private static final String DEAD_LETTER_PREFIX = PREFIX + "dlq:";

    private EventStreams() {}

    /** The stream a service's relay publishes to, e.g. {@code events:orders} for service {@code orders}. */
    public static String ofService(String service) {
        return PREFIX + requireName(service, "service");
    }

    /** Where a consumer group's poisoned entries are parked for a human to look at. */
    public static String deadLetters(String consumerGroup) {
        return DEAD_LETTER_PREFIX + requireName(consumerGroup, "consumer group");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " name is required");
        }
        return name;
    }
}
