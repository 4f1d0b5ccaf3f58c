package com.scalecommerce.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

    @Test
    void datesAreMidnightUtcAndToIsExclusive() {
        var range = ReportRange.parse("2026-11-01", "2026-12-01", "week");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(range.granularity()).isEqualTo(ReportRange.Granularity.WEEK);
        assertThat(range.granularity().unit()).isEqualTo("week");
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsWhereThisOneStarts() {
        var previous = ReportRange.parse("2026-11-10", "2026-11-20", null).previous();

        assertThat(previous.from()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
        assertThat(previous.to()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
    }

    @Test
    void badParametersAreNamedAndTooManyBucketsAreRefused() {
        assertThatThrownBy(() -> ReportRange.parse("yesterday", "2026-12-01", "fortnight"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors())
                            .extracting(error -> error.field())
                            .containsExactlyInAnyOrder("from", "granularity");
                });
        assertThatThrownBy(() -> ReportRange.parse("2026-12-01", "2026-11-01", "day"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ReportRange.parse("2020-01-01", "2026-01-01", "hour"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("granularity"));
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        String csv = Csv.of(
                List.of("name", "units"),
                List.of(List.of("Mug, large", 3), List.of("=HYPERLINK(\"x\")", 1), List.of("say \"hi\"", 0)));

        assertThat(csv)
                .isEqualTo(
                        "name,units\r\n\"Mug, large\",3\r\n\"'=HYPERLINK(\"\"x\"\")\",1\r\n\"say \"\"hi\"\"\",0\r\n");
    }
}
