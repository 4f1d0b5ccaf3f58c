package com.scalecommerce.platform.web.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aPlainIdOfEightTo128CharactersIsKept() {
        assertThat(RequestIds.acceptOrCreate("order-flow-0001")).isEqualTo("order-flow-0001");
        assertThat(RequestIds.acceptOrCreate("a.b_c:d-")).isEqualTo("a.b_c:d-");
        String longest = "x".repeat(128);
        assertThat(RequestIds.acceptOrCreate(longest)).isEqualTo(longest);
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        for (String refused : new String[] {
            null,
            "",
            "short",
            "x".repeat(129),
            "two words",
            "line\nbreak-injected",
            "semi;colon1",
            "ümlaut-id1",
            "slash/path"
        }) {
            String id = RequestIds.acceptOrCreate(refused);
            assertThat(id).as("for %s", refused).isNotEqualTo(refused);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void newIdsDoNotRepeat() {
        var ids = new HashSet<String>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(RequestIds.acceptOrCreate(null)));
        assertThat(ids).hasSize(10_000);
    }
}
