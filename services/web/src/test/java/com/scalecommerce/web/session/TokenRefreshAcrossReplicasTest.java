package com.scalecommerce.web.session;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.account.UsersCalls;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two web replicas (this application's refresher and a second one built on the same Redis, users and session key)
 * asked to refresh the same browser's token at the same moment: users sees one refresh, and both replicas answer
 * with the same new pair. Two refreshes would end the browser's session (users treats the second use of a rotated
 * refresh token as theft).
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class TokenRefreshAcrossReplicasTest {

    @Inject
    TokenRefresher replicaOne;

    @Inject
    UsersCalls users;

    @Inject
    RedisDataSource redis;

    @Inject
    Sessions sessions;

    @Test
    void twoReplicasRefreshingOneTokenTogetherCallUsersOnce() throws Exception {
        var replicaTwo = new TokenRefresher(users, redis, sessions);
        String refreshToken = "refresh-" + UUID.randomUUID();
        String fresh = UsersStub.accessToken(UUID.randomUUID().toString(), "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.server.resetRequests();
        // Slow, so that the second replica asks while the first one's call is under way.
        UsersStub.server.stubFor(WireMock.post(urlEqualTo("/api/auth/refresh"))
                .willReturn(
                        WireMock.okJson(new ObjectMapper().writeValueAsString(UsersStub.tokens(fresh, "refresh-next")))
                                .withFixedDelay(400)));

        Tokens one;
        Tokens two;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = CompletableFuture.supplyAsync(() -> replicaOne.refresh(refreshToken), threads);
            Thread.sleep(50);
            var second = CompletableFuture.supplyAsync(() -> replicaTwo.refresh(refreshToken), threads);
            one = first.join();
            two = second.join();
        }

        UsersStub.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/refresh")));
        assertThat(one.accessToken()).isEqualTo(fresh);
        assertThat(two).isEqualTo(one);
        // What Redis holds is sealed: neither token is readable there.
        String key = redis.execute("KEYS", "web:token-refresh:*").toString();
        assertThat(key).doesNotContain(refreshToken);
        redis.execute("KEYS", "web:token-refresh:*")
                .forEach(k -> assertThat(redis.execute("GET", k.toString()).toString())
                        .doesNotContain(fresh)
                        .doesNotContain("refresh-next"));
    }
}
