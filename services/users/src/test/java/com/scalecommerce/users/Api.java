package com.scalecommerce.users;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls the users API the way a client would, and reads what it mailed. */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";

    private static final Pattern TOKEN_LINK = Pattern.compile("(https?://\\S+\\?token=([A-Za-z0-9_%-]+))");

    private Api() {}

    public static String newEmail() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    /** Each test signs in from its own address, so per-address throttling never couples tests. */
    public static String useFreshClientAddress() {
        String ip = randomIp();
        // RestAssured merges same-named headers by default; the service would see the first address forever.
        RestAssured.config = RestAssured.config()
                .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("X-Forwarded-For"));
        RestAssured.requestSpecification =
                new RequestSpecBuilder().addHeader("X-Forwarded-For", ip).build();
        return ip;
    }

    public static String randomIp() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static Response register(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/register");
    }

    public static Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    public static Response me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/users/me");
    }

    /** Registers and signs in; returns the token response. */
    public static Map<String, Object> signedUp(String email) {
        register(email, PASSWORD).then().statusCode(202);
        return login(email, PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    public static List<MimeMessage> mailsTo(String email, int atLeast) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received(email).size() >= atLeast);
        return received(email);
    }

    public static List<MimeMessage> received(String email) {
        return Arrays.stream(UsersTestEnvironment.greenMail().getReceivedMessages())
                .filter(m -> recipients(m).contains(email))
                .toList();
    }

    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            var multipart = (jakarta.mail.Multipart) content;
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(multipart.getBodyPart(i).getContent());
            }
            return all.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link in a mail, e.g. http://web/reset-password?token=... */
    public static String linkIn(MimeMessage message) {
        Matcher m = TOKEN_LINK.matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("No link with a token in: " + body(message));
        }
        return m.group(1);
    }

    public static String tokenFromLink(String link) {
        return java.net.URLDecoder.decode(link.substring(link.indexOf("?token=") + 7), StandardCharsets.UTF_8);
    }

    /** The JSON of a JWT's header (0) or payload (1), for assertions only: no verification. */
    public static io.restassured.path.json.JsonPath jwtPart(String jwt, int part) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8);
        return new io.restassured.path.json.JsonPath(json);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
