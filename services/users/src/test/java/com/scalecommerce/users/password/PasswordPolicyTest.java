package com.scalecommerce.users.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsSeveralHundredCommonPasswordsAllLongEnoughToMatter() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatCode(() -> policy.check("password", "ñandú çà")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("password", "😀😀😀😀😀😀😀")).isInstanceOf(ProblemException.class);
    }

    @Test
    void imposesNoCompositionRules() {
        assertThatCode(() -> policy.check("password", "only lowercase letters here"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesCommonPasswordsCaseInsensitively() {
        assertThat(policy.isCommon("TrustNo1")).isTrue();
        assertThat(policy.isCommon("a rather unusual sentence")).isFalse();
    }

    @Test
    void acceptsExactlyTheBoundsAndNothingBeyond() {
        assertThatCode(() -> policy.check("password", "x".repeat(7) + "y")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "z".repeat(256))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("password", "z".repeat(257))).isInstanceOf(ProblemException.class);
    }
}
