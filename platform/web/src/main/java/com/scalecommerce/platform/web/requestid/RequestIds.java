package com.scalecommerce.platform.web.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/** The request id of the current request, as logged and as returned in {@code X-Request-Id}. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    static String acceptOrCreate(String incoming) {
        if (acceptable(incoming)) {
            return incoming;
        }
        // An id names a request in logs and is no secret: no need for SecureRandom's cost on every request.
        var random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * A caller's id is reused only when it is short and plain ({@code [A-Za-z0-9._:-]{8,128}}), so it cannot
     * inject into logs. A loop rather than a regex: it runs on every request of every service.
     */
    static boolean acceptable(String id) {
        if (id == null || id.length() < MIN_LENGTH || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
