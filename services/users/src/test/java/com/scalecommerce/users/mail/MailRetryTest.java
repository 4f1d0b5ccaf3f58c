package com.scalecommerce.users.mail;

import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.signedUp;
import static com.scalecommerce.users.Api.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server is away when a password reset is asked for (a relay restarting): the mail arrives once it is
 * back, instead of being lost with a line in the log.
 */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class MailRetryTest {

    @AfterEach
    void smtpServerRunsAgain() {
        if (!UsersTestEnvironment.greenMail().isRunning()) {
            UsersTestEnvironment.startSmtpServer();
        }
    }

    @Test
    void aResetMailRefusedWhileTheSmtpServerIsDownArrivesWhenItIsBack() throws InterruptedException {
        Api.useFreshClientAddress();
        String email = newEmail();
        signedUp(email);

        UsersTestEnvironment.stopSmtpServer();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password/forgot")
                .then()
                .statusCode(202);
        // Long enough for the first attempt to be refused: nothing listens on the port.
        Thread.sleep(Mails.RETRY_PAUSES.getFirst().toMillis() + 500);
        UsersTestEnvironment.startSmtpServer();

        // The retries' pauses add up to 31 s, and one attempt can also hang until a socket times out (30 s): in CI
        // the first attempt after the restart reached the new server and got no greeting until GreenMail's own
        // 30 s timeout ("421 ... socket timeout"); the next attempt delivered it.
        var resets = Awaitility.await()
                .atMost(Duration.ofSeconds(75))
                .until(
                        () -> Api.received(email).stream()
                                .filter(m -> subject(m).equals("Reset your password"))
                                .toList(),
                        mails -> !mails.isEmpty());
        assertThat(resets).hasSize(1);
    }
}
