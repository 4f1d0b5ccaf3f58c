package com.scalecommerce.products.review;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** People's tokens carry their account id as the subject. */
final class Callers {

    private Callers() {}

    static UUID id(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw ProblemException.forbidden("This call needs a signed-in person's token.");
        }
    }
}
