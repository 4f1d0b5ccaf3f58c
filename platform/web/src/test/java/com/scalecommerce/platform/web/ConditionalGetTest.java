package com.scalecommerce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.platform.web.http.ConditionalGet;
import org.junit.jupiter.api.Test;

class ConditionalGetTest {

    private static final String TAG = ConditionalGet.etagOf("{\"a\":1}");

    @Test
    void theSameBodyAlwaysGetsTheSameStrongTag() {
        assertThat(TAG).isEqualTo(ConditionalGet.etagOf("{\"a\":1}")).isNotEqualTo(ConditionalGet.etagOf("{\"a\":2}"));
        assertThat(TAG).startsWith("\"").endsWith("\"").hasSize(34);
    }

    @Test
    void matchesAsRfc9110Says() {
        assertThat(ConditionalGet.matches(TAG, TAG)).isTrue();
        assertThat(ConditionalGet.matches("W/" + TAG, TAG))
                .as("weakened by a proxy")
                .isTrue();
        assertThat(ConditionalGet.matches("\"other\", " + TAG, TAG))
                .as("one of a list")
                .isTrue();
        assertThat(ConditionalGet.matches("*", TAG)).isTrue();
        assertThat(ConditionalGet.matches(null, TAG)).isFalse();
        assertThat(ConditionalGet.matches("\"other\"", TAG)).isFalse();
        // A tag that merely contains ours is a different tag.
        assertThat(ConditionalGet.matches("\"x" + TAG.substring(1), TAG)).isFalse();
    }
}
