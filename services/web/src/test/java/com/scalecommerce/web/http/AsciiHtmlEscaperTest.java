package com.scalecommerce.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiHtmlEscaperTest {

    @Test
    void escapesWhatQutesEscaperDoes() {
        assertThat(AsciiHtmlEscaper.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void writesEveryCharacterBeyondAsciiAsAReference() {
        assertThat(AsciiHtmlEscaper.escape("Crème – €5 ★ · <b>"))
                .isEqualTo("Cr&#232;me &#8211; &#8364;5 &#9733; &#183; &lt;b&gt;");
    }

    @Test
    void aSurrogatePairIsOneReferenceAndALoneHalfTheReplacementCharacter() {
        assertThat(AsciiHtmlEscaper.escape("kite \uD83E\uDE81!")).isEqualTo("kite &#129665;!");
        assertThat(AsciiHtmlEscaper.escape("a\uD83Eb\uDE81")).isEqualTo("a&#65533;b&#65533;");
        assertThat(AsciiHtmlEscaper.escape("end \uD83E")).isEqualTo("end &#65533;");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "Red Kite, $19.99 (25% off) = a bargain";
        assertThat(AsciiHtmlEscaper.escape(plain)).isSameAs(plain);
    }
}
