package com.scalecommerce.platform.events;

/** Recognises Redis error replies by their code, whichever exception the client wrapped them in. */
final class RedisErrors {

    private RedisErrors() {}

    static boolean is(Throwable failure, String errorCode) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.startsWith(errorCode)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
